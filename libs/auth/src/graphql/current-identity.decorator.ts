import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Identity } from '../identity';
import type { AuthContext } from './graphql-auth.context';
import { notSignedInError } from './graphql-errors';

export function identityFrom(context: ExecutionContext): Identity | null {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<Partial<AuthContext>>().identity ?? null;
  }
  return context.switchToHttp().getRequest<{ identity?: Identity }>().identity ?? null;
}

/**
 * The verified caller. Throws UNAUTHENTICATED when there is none, so a
 * resolver that takes it can rely on it (pair it with AuthenticatedGuard to
 * fail before any argument is resolved).
 */
export const CurrentIdentity = createParamDecorator((_data: unknown, context: ExecutionContext): Identity => {
  const identity = identityFrom(context);
  if (!identity) throw notSignedInError();
  return identity;
});
