import type { Identity } from '@entente/auth';
import { tenantQuery, TenantQuery } from './tenant-query';
import { scopeForPlatformAdmin, scopeOf, scopeOfEvent, TenantScope } from './tenant-scope';

interface Partner {
  jurisdictionId: string;
  country: string;
}

const rostockStaff: Identity = { userId: 'u-1', username: 'rostock-staff', jurisdictionId: 'rostock', roles: ['staff'] };

describe('tenantQuery', () => {
  it('scopes a filter to the jurisdiction and cannot be widened by the filter', () => {
    const query = tenantQuery<Partner>(scopeOf(rostockStaff), { country: 'DK', jurisdictionId: 'maryland' });
    expect(query).toEqual({ country: 'DK', jurisdictionId: 'rostock' });
  });

  it('refuses an empty jurisdiction at run time as well', () => {
    expect(() => scopeOf({ ...rostockStaff, jurisdictionId: '' })).toThrow('needs a jurisdiction id');
  });

  // These run under `npm run typecheck`: each @ts-expect-error fails the typecheck if the line below it compiles.
  it('makes a query only from a scope, never from an object literal', () => {
    // @ts-expect-error a query without jurisdictionId must not compile
    const unscoped: TenantQuery<Partner> = { country: 'DK' };
    // @ts-expect-error nor one that names a jurisdiction by hand instead of through a scope
    const handMade: TenantQuery<Partner> = { country: 'DK', jurisdictionId: 'rostock' };
    expect([unscoped.jurisdictionId, handMade.jurisdictionId]).toEqual([undefined, 'rostock']);
  });
});

describe('TenantScope', () => {
  it('is made from a verified identity or a consumed event, and not from a plain object', () => {
    // @ts-expect-error a plain { jurisdictionId } is not a scope
    const plain: TenantScope = { jurisdictionId: 'rostock' };
    // @ts-expect-error nor can one be passed where a query wants a scope
    expect(() => tenantQuery<Partner>({ jurisdictionId: 'rostock' })).not.toThrow();
    expect(plain.jurisdictionId).toBe('rostock');
    expect(scopeOf(rostockStaff).jurisdictionId).toBe('rostock');
    expect(scopeOfEvent({ jurisdictionId: 'maryland', eventId: 'e-1' }).jurisdictionId).toBe('maryland');
  });

  it('for another jurisdiction, only for a platform-admin', () => {
    expect(scopeForPlatformAdmin({ roles: ['platform-admin'] }, 'wales').jurisdictionId).toBe('wales');
    expect(() => scopeForPlatformAdmin({ roles: ['jurisdiction-admin'] }, 'wales')).toThrow('Only a platform-admin');
  });
});
