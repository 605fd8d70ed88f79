import { awardOf, criteriaOf, funderKindOf, NO_FILTERS, passesLocalFilters, queryFilterOf, type SearchFilters, themeKey } from './search-filters';

const NOW = new Date('2026-12-02T10:00:00.000Z');
const filters = (changes: Partial<SearchFilters>): SearchFilters => ({ ...NO_FILTERS, ...changes });
const call = (changes: Partial<{ id: string; ceiling: number | null; total: number | null; floor: number | null; countries: string[] }> = {}) => ({
  id: changes.id ?? 'src:1',
  award: { ceiling: changes.ceiling ?? null, total: changes.total ?? null, floor: changes.floor ?? null },
  eligibleCountries: changes.countries ?? [],
});

describe('the opportunity search filters', () => {
  it('sends keywords and exclusions in the query’s syntax, themes as keys and the deadline window as instants', () => {
    expect(queryFilterOf(filters({ keywords: ['Sister cities', 'Baltic'], excluded: ['health', '-defence'], themes: ['Regional development'], minDaysToClose: 7, maxDaysToClose: 30 }), NOW)).toEqual({
      keywords: 'Sister cities Baltic -health -defence',
      statuses: ['FORECASTED', 'OPEN'],
      themes: ['regional-development'],
      closesAfter: '2026-12-09T10:00:00.000Z',
      closesBefore: '2027-01-01T10:00:00.000Z',
    });
    expect(queryFilterOf(filters({ statuses: [] }), NOW)).toEqual({});
  });

  it('compares amounts by the ceiling, else the total, else the floor, and leaves out a call that states none', () => {
    expect(awardOf(call({ ceiling: 5, total: 9, floor: 1 }))).toBe(5);
    expect(awardOf(call({ total: 9, floor: 1 }))).toBe(9);
    expect(awardOf(call())).toBeNull();
    const range = filters({ minAmount: 10_000, maxAmount: 50_000 });
    expect(passesLocalFilters(call({ ceiling: 20_000 }), range, new Set(), 'DE')).toBe(true);
    expect(passesLocalFilters(call({ ceiling: 60_000 }), range, new Set(), 'DE')).toBe(false);
    expect(passesLocalFilters(call({ floor: 5_000 }), range, new Set(), 'DE')).toBe(false);
    expect(passesLocalFilters(call(), range, new Set(), 'DE')).toBe(false);
  });

  it('keeps a call open to any country, or to one asked for, and our matches for "our priorities"', () => {
    const nordic = filters({ countries: ['dk', 'SE'] });
    expect(passesLocalFilters(call({ countries: ['DK', 'DE'] }), nordic, new Set(), 'DE')).toBe(true);
    expect(passesLocalFilters(call({ countries: [] }), nordic, new Set(), 'DE')).toBe(true);
    expect(passesLocalFilters(call({ countries: ['US'] }), nordic, new Set(), 'DE')).toBe(false);
    const ours = filters({ matchesMyPriorities: true });
    expect(passesLocalFilters(call({ id: 'a' }), ours, new Set(['a']), 'DE')).toBe(true);
    expect(passesLocalFilters(call({ id: 'b' }), ours, new Set(['a']), 'DE')).toBe(false);
  });

  it('takes "eligible only" to leave out calls open only to other countries', () => {
    const eligible = filters({ eligibleOnly: true });
    expect(passesLocalFilters(call({ countries: ['US'] }), eligible, new Set(), 'DE')).toBe(false);
    expect(passesLocalFilters(call({ countries: ['DE', 'PL'] }), eligible, new Set(), 'DE')).toBe(true);
    expect(passesLocalFilters(call({ countries: [] }), eligible, new Set(), 'DE')).toBe(true);
  });

  it('turns the filters into a saved search’s criteria in the words the criteria use', () => {
    expect(criteriaOf(filters({ keywords: ['kelp'], excluded: ['oil'], funderTypes: ['TRUST_OR_FOUNDATION', 'EU'], themes: ['Regional development'], countries: ['dk'], minAmount: 1000, eligibleOnly: true }))).toEqual({
      keywords: ['kelp'],
      excludedKeywords: ['oil'],
      statuses: ['forecasted', 'open'],
      funderTypes: ['trust-or-foundation', 'eu'],
      themes: ['regional-development'],
      countries: ['DK'],
      minAmount: 1000,
      maxAmount: null,
      minDaysToClose: null,
      maxDaysToClose: null,
      eligibleOnly: true,
      matchesMyPriorities: false,
    });
    expect(funderKindOf('embassy-or-high-commission')).toBe('EMBASSY_OR_HIGH_COMMISSION');
    expect(themeKey('  Sister  Cities! ')).toBe('sister-cities');
  });
});
