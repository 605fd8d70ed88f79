import { tenantQuery, TenantQuery } from './tenant-query';

interface Partner {
  jurisdictionId: string;
  country: string;
}

describe('tenantQuery', () => {
  it('scopes a filter to the jurisdiction and cannot be widened by the filter', () => {
    const query = tenantQuery<Partner>({ jurisdictionId: 'rostock' }, { country: 'DK', jurisdictionId: 'maryland' });
    expect(query).toEqual({ country: 'DK', jurisdictionId: 'rostock' });
  });

  it('refuses an empty jurisdiction at run time as well', () => {
    expect(() => tenantQuery<Partner>({ jurisdictionId: '' })).toThrow('needs a jurisdiction id');
  });

  it('makes the jurisdiction a required key of every query type', () => {
    // @ts-expect-error a query without jurisdictionId must not compile
    const unscoped: TenantQuery<Partner> = { country: 'DK' };
    const scoped: TenantQuery<Partner> = { country: 'DK', jurisdictionId: 'rostock' };
    expect([unscoped.jurisdictionId, scoped.jurisdictionId]).toEqual([undefined, 'rostock']);
  });
});
