import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import { hasAnyRole, type PlatformRole } from '../identity';
import { identityFrom } from './current-identity.decorator';
import { forbiddenError, notSignedInError } from './graphql-errors';

/** `@Roles('staff', 'executive')`: any one of them (platform-admin always passes). */
export const ROLES_METADATA = 'entente:roles';
export const Roles = (...roles: PlatformRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_METADATA, roles);

const ANY_ROLE = 'any-role' as const;

/** `@AnyRole()`: any signed-in user of any role — said explicitly, since an operation that declares nothing is refused. */
export const AnyRole = (): MethodDecorator & ClassDecorator => SetMetadata(ROLES_METADATA, ANY_ROLE);

/** Rejects anonymous callers with UNAUTHENTICATED. */
@Injectable()
export class AuthenticatedGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (!identityFrom(context)) throw notSignedInError();
    return true;
  }
}

/**
 * Enforces `@Roles(...)` or `@AnyRole()` on a GraphQL operation or its
 * resolver class (the operation's own wins). Secure by default: an operation
 * that declares neither is refused for everyone, so forgetting the decorator
 * closes an operation instead of opening it to every signed-in user. Every
 * service installs it globally (ServiceCoreModule); HTTP routes (health) and
 * event handlers have no caller identity and are not its business.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const required = this.reflector.getAllAndOverride<PlatformRole[] | typeof ANY_ROLE | undefined>(ROLES_METADATA, [context.getHandler(), context.getClass()]);
    const identity = identityFrom(context);
    if (!identity) throw notSignedInError();
    if (required === undefined) {
      throw new GraphQLError('This operation declares no roles, so no one may call it.', { extensions: { code: 'FORBIDDEN', requiredRoles: [] } });
    }
    if (required === ANY_ROLE) return true;
    if (!hasAnyRole(identity, required)) throw forbiddenError(required);
    return true;
  }
}
