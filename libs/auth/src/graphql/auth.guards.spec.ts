import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Identity } from '../identity';
import { AnyRole, Roles, RolesGuard } from './auth.guards';

const viewer: Identity = { userId: 'u-1', username: 'viewer', jurisdictionId: 'rostock', roles: ['viewer'] };

class Operations {
  @Roles('staff')
  staffOnly(): void {}

  @AnyRole()
  anyone(): void {}

  undeclared(): void {}
}

/** A GraphQL execution context as Nest builds it: [root, args, context, info]. */
function graphqlContext(handler: keyof Operations, identity: Identity | null): ExecutionContext {
  const args = [{}, {}, { identity }, {}];
  return {
    getType: () => 'graphql',
    getHandler: () => Operations.prototype[handler],
    getClass: () => Operations,
    getArgs: () => args,
    getArgByIndex: (index: number) => args[index],
    switchToHttp: () => ({ getRequest: () => ({}) }),
  } as unknown as ExecutionContext;
}

describe('RolesGuard', () => {
  const guard = new RolesGuard(new Reflector());

  it('refuses an operation that declares no roles, for every caller', () => {
    expect(() => guard.canActivate(graphqlContext('undeclared', viewer))).toThrow('declares no roles');
    expect(() => guard.canActivate(graphqlContext('undeclared', { ...viewer, roles: ['platform-admin'] }))).toThrow('declares no roles');
  });

  it('lets any signed-in user through an @AnyRole operation, and no anonymous caller', () => {
    expect(guard.canActivate(graphqlContext('anyone', viewer))).toBe(true);
    expect(() => guard.canActivate(graphqlContext('anyone', null))).toThrow();
  });

  it('holds @Roles: the role or platform-admin', () => {
    expect(() => guard.canActivate(graphqlContext('staffOnly', viewer))).toThrow('staff');
    expect(guard.canActivate(graphqlContext('staffOnly', { ...viewer, roles: ['staff'] }))).toBe(true);
    expect(guard.canActivate(graphqlContext('staffOnly', { ...viewer, roles: ['platform-admin'] }))).toBe(true);
  });
});
