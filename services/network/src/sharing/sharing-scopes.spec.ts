import type { SourceDataByKind, SourceRecordState } from '../source-records/source-record';
import { parseGrant, readNetworkFilter } from './grant.rules';
import { projectRecord } from './sharing-scopes';

const at = new Date('2026-01-01T00:00:00Z');
const asset = (over: Partial<Record<string, unknown>> = {}): SourceRecordState => ({
  kind: 'asset',
  recordId: 'a-1',
  removed: false,
  stateAt: at,
  data: {
    confidentiality: 'network',
    category: 'economic-foundations',
    type: 'export-sector',
    countries: ['DK'],
    sectors: ['wind'],
    name: 'Wind turbines',
    description: 'Exports to Denmark',
    magnitude: { value: 120, unit: 'MEUR', currency: 'EUR' },
    sourceOrganisation: 'Economic development office',
    asOf: '2025-12-31',
    ...over,
  } as SourceRecordState['data'],
});
const priority: SourceRecordState = {
  kind: 'priority',
  recordId: 'p-1',
  removed: false,
  stateAt: at,
  data: { title: 'Baltic trade', focus: 'economic-complementarity', goalKinds: ['custom'], countries: ['DK', 'SE'], sectors: ['ports'], themes: [], sdgs: [9], retired: false },
};
const activity = (type: string): SourceRecordState => ({
  kind: 'activity',
  recordId: `act-${type}`,
  removed: false,
  stateAt: at,
  data: { year: 2027, title: 'Delegation', type, mode: 'in-person', frequency: 'one-off', status: 'planned', country: 'DK', city: 'Aarhus', windowStart: '2027-05-01', windowEnd: '2027-05-05', cost: { amount: 12500, currency: 'DKK' } } as SourceRecordState['data'],
});

describe('projectRecord (the one projection of stored copies and the preview)', () => {
  it('copies only the fields the grant allows', () => {
    const terms = parseGrant({ networkId: 'n-1', scope: 'priorities', fields: ['title', 'countries'] });
    expect(projectRecord(priority, terms)).toEqual({ kind: 'priority', recordId: 'p-1', fields: { title: 'Baltic trade', countries: ['DK', 'SE'] } });
  });

  it('copies every field of the scope when the grant names none, and nothing the scope does not define', () => {
    const copy = projectRecord(priority, parseGrant({ networkId: 'n-1', scope: 'priorities' }));
    expect(Object.keys(copy?.fields ?? {}).sort()).toEqual(['countries', 'focus', 'goalKinds', 'sdgs', 'sectors', 'themes', 'title']);
    expect(copy?.fields).not.toHaveProperty('retired');
  });

  it('never shares an internal asset, whatever the grant says', () => {
    const terms = parseGrant({ networkId: 'n-1', scope: 'asset-categories', fields: ['category', 'countries', 'name'] });
    expect(projectRecord(asset(), terms)).toEqual({ kind: 'asset', recordId: 'a-1', fields: { category: 'economic-foundations', countries: ['DK'], name: 'Wind turbines' } });
    expect(projectRecord(asset({ confidentiality: 'internal', name: null }), terms)).toBeNull();
    expect(projectRecord(asset({ confidentiality: 'internal' }), parseGrant({ networkId: 'n-1', scope: 'asset-categories' }))).toBeNull();
  });

  it('shares assets of the categories a grant names only', () => {
    const cultural = parseGrant({ networkId: 'n-1', scope: 'asset-categories', assetCategories: ['cultural-and-community-connections'] });
    expect(projectRecord(asset(), cultural)).toBeNull();
    expect(projectRecord(asset({ category: 'cultural-and-community-connections' }), cultural)).not.toBeNull();
  });

  it('shares delegations and hosted visits of a plan, nothing else of it', () => {
    const terms = parseGrant({ networkId: 'n-1', scope: 'planned-activities' });
    expect(projectRecord(activity('outbound-delegation'), terms)?.fields['country']).toBe('DK');
    expect(projectRecord(activity('hosted-visit'), terms)).not.toBeNull();
    expect(projectRecord(activity('youth-exchange'), terms)).toBeNull();
  });

  it('shares an activity’s cost only when the grant allows the cost field; one whose event carried none is unknown (null)', () => {
    expect(projectRecord(activity('outbound-delegation'), parseGrant({ networkId: 'n-1', scope: 'planned-activities' }))?.fields['cost']).toEqual({ amount: 12500, currency: 'DKK' });
    const withoutCost = projectRecord(activity('outbound-delegation'), parseGrant({ networkId: 'n-1', scope: 'planned-activities', fields: ['title', 'country', 'windowStart', 'windowEnd'] }));
    expect(withoutCost?.fields).toEqual({ title: 'Delegation', country: 'DK', windowStart: '2027-05-01', windowEnd: '2027-05-05' });
    const { cost: _cost, ...v1Data } = activity('outbound-delegation').data as SourceDataByKind['activity'];
    expect(projectRecord({ ...activity('outbound-delegation'), data: v1Data as SourceRecordState['data'] }, parseGrant({ networkId: 'n-1', scope: 'planned-activities', fields: ['cost'] }))?.fields).toEqual({ cost: null });
  });

  it('shares nothing of a removed record, a retired priority, or a record of another scope', () => {
    const terms = parseGrant({ networkId: 'n-1', scope: 'priorities' });
    expect(projectRecord({ ...priority, removed: true }, terms)).toBeNull();
    expect(projectRecord({ ...priority, data: { ...(priority.data as object), retired: true } as SourceRecordState['data'] }, terms)).toBeNull();
    expect(projectRecord(asset(), terms)).toBeNull();
  });

  it('gives copies that do not share arrays with the read model', () => {
    const copy = projectRecord(priority, parseGrant({ networkId: 'n-1', scope: 'priorities', fields: ['countries'] }));
    (copy?.fields['countries'] as string[]).push('XX');
    expect((priority.data as { countries: string[] }).countries).toEqual(['DK', 'SE']);
  });
});

describe('parseGrant', () => {
  const fieldOf = (input: Record<string, unknown>) => {
    try {
      parseGrant(input);
    } catch (error) {
      return (error as { problems: Array<{ field: string }> }).problems.map((p) => p.field);
    }
    throw new Error('expected a refusal');
  };

  it('names the field a grant gets wrong', () => {
    expect(fieldOf({ networkId: 'n-1', scope: 'everything' })).toEqual(['scope']);
    expect(fieldOf({ networkId: 'n-1', scope: 'partners', fields: ['name', 'contacts'] })).toEqual(['fields[1]']);
    expect(fieldOf({ networkId: 'n-1', scope: 'partners', assetCategories: ['economic-foundations'] })).toEqual(['assetCategories']);
    expect(fieldOf({ networkId: 'n-1', scope: 'funding-interests', fields: ['stage'] })).toEqual(['fields[0]']);
    expect(fieldOf({ scope: 'partners' })).toEqual(['networkId']);
  });

  it('names the scope too when the fields given belong to another scope', () => {
    expect(fieldOf({ networkId: 'n-1', scope: 'relationships', fields: ['name', 'country'] })).toEqual(['fields[0]', 'fields[1]', 'scope']);
    try {
      parseGrant({ networkId: 'n-1', scope: 'relationships', fields: ['name', 'country'] });
    } catch (error) {
      const atScope = (error as { problems: Array<{ field: string; message: string }> }).problems.find((p) => p.field === 'scope');
      expect(atScope?.message).toBe('relationships has no field name, country: partners has; choose that scope or fields of relationships');
    }
  });

  it('accepts funding interests (nothing to share until funding publishes them)', () => {
    expect(parseGrant({ networkId: 'n-1', scope: 'funding-interests' })).toEqual({ networkId: 'n-1', scope: 'funding-interests', fields: [], assetCategories: null });
  });
});

describe('readNetworkFilter', () => {
  it('refuses a network id with half a character, naming networkId, and reads an absent one as no filter', () => {
    expect(() => readNetworkFilter('n-\ud800')).toThrow(/networkId/);
    expect(readNetworkFilter(null)).toBeUndefined();
    expect(readNetworkFilter(' n-1 ')).toBe('n-1');
  });
});
