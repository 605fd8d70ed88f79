import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasAnyRole, type PlatformRole } from '../identity';
import { identityFrom } from './current-identity.decorator';
import { forbiddenError, notSignedInError } from './graphql-errors';

/** `@Roles('staff', 'executive')`: any one of them (platform-admin always passes). */
export const ROLES_METADATA = 'entente:roles';
export const Roles = (...roles: PlatformRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_METADATA, roles);

/** Rejects anonymous callers with UNAUTHENTICATED. */
@Injectable()
export class AuthenticatedGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (!identityFrom(context)) throw notSignedInError();
    return true;
  }
}

/**
 * Enforces `@Roles(...)` on the handler or its class (handler wins). Without
 * the decorator it lets everything through, so combine it with
 * AuthenticatedGuard for "signed in, any role".
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<PlatformRole[] | undefined>(ROLES_METADATA, [context.getHandler(), context.getClass()]);
    if (!required) return true;
    const identity = identityFrom(context);
    if (!identity) throw notSignedInError();
    if (!hasAnyRole(identity, required)) throw forbiddenError(required);
    return true;
  }
}
