import { seededRandom } from '@entente/random';
import { FUNDER_TYPES } from '../funders/funder-types';
import { APPLICANT_TYPES, type ApplicantType, type OpportunityStatus } from '../opportunities/opportunity';
import { EMPTY_CRITERIA, meetsCriteria, type SearchableOpportunity, type SearchCriteria } from '../searches/search-criteria';
import { SearchIndex } from './search-index';

const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400_000;

const call: SearchableOpportunity = {
  opportunityId: 'o',
  version: 1,
  title: 'Baltic Sea cooperation',
  reference: null,
  funder: 'Interreg',
  funderType: 'eu',
  status: 'open',
  closesAt: new Date(NOW.getTime() + 30 * DAY),
  award: { floor: null, ceiling: 50_000, total: null, currency: 'EUR' },
  eligibleApplicantTypes: ['local-governments'],
  eligibleCountries: ['DE', 'PL'],
  themes: ['regional-development'],
};

const named = (index: SearchIndex<{ name: string; criteria: SearchCriteria }>, opportunity: SearchableOpportunity): string[] =>
  index
    .matches(opportunity, NOW)
    .map((search) => search.name)
    .sort();

describe('the search index', () => {
  it('finds the searches every filter of which the call meets, each once', () => {
    const index = new SearchIndex([
      { name: 'theme', criteria: { ...EMPTY_CRITERIA, themes: ['regional-development'] } },
      { name: 'phrase', criteria: { ...EMPTY_CRITERIA, keywords: ['baltic-sea'] } },
      { name: 'several words', criteria: { ...EMPTY_CRITERIA, keywords: ['baltic', 'sea', 'cooperation'] } },
      { name: 'other word', criteria: { ...EMPTY_CRITERIA, keywords: ['arctic'] } },
      { name: 'excluded', criteria: { ...EMPTY_CRITERIA, keywords: ['baltic'], excludedKeywords: ['interreg'] } },
      { name: 'funder', criteria: { ...EMPTY_CRITERIA, funderTypes: ['national' as const] } },
      { name: 'germany', criteria: { ...EMPTY_CRITERIA, countries: ['DE'] } },
      { name: 'france', criteria: { ...EMPTY_CRITERIA, countries: ['FR'] } },
      { name: 'nonprofits', criteria: { ...EMPTY_CRITERIA, applicantTypes: ['nonprofits' as const] } },
      { name: 'enough money', criteria: { ...EMPTY_CRITERIA, minAmount: 50_000, currency: 'EUR' } },
      { name: 'in dollars', criteria: { ...EMPTY_CRITERIA, minAmount: 10_000, currency: 'USD' } },
      { name: 'soon', criteria: { ...EMPTY_CRITERIA, maxDaysToClose: 14 } },
      { name: 'closed ones', criteria: { ...EMPTY_CRITERIA, statuses: ['closed' as const] } },
      { name: 'everything', criteria: EMPTY_CRITERIA },
    ]);
    expect(named(index, call)).toEqual(['enough money', 'everything', 'germany', 'phrase', 'several words', 'theme']);
    // Asked again, the same answer: nothing of the first question carries over.
    expect(named(index, call)).toEqual(['enough money', 'everything', 'germany', 'phrase', 'several words', 'theme']);
    // A call open to all countries and every applicant type meets every country and applicant filter.
    expect(named(index, { ...call, eligibleCountries: [], eligibleApplicantTypes: ['unrestricted'] })).toEqual(['enough money', 'everything', 'france', 'germany', 'nonprofits', 'phrase', 'several words', 'theme']);
    expect(named(index, { ...call, status: 'closed' })).toEqual(['closed ones']);
  });

  it('holds no search, and a call meets none', () => {
    expect(new SearchIndex([]).matches(call, NOW)).toEqual([]);
  });

  it('answers exactly as meetsCriteria does, on 2,000 generated searches and 300 generated calls', () => {
    const random = seededRandom(20261202);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const some = <T>(values: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(values)))];
    const words = ['baltic', 'sea', 'youth', 'culture', 'climate', 'trade', 'ports', 'arctic', 'water', 'city'];
    const themes = ['regional-development', 'culture', 'environment', 'education', 'trade'];
    const countries = ['DE', 'PL', 'NZ', 'US', 'FR'];
    const kinds = FUNDER_TYPES.map((type) => type.kind);
    const applicants = APPLICANT_TYPES.filter((type) => type !== 'unrestricted');
    const statuses: OpportunityStatus[] = ['forecasted', 'open', 'closed', 'archived'];
    const maybe = <T>(chance: number, value: () => T, otherwise: T): T => (random() < chance ? value() : otherwise);
    const searches = Array.from({ length: 2_000 }, (_, id) => ({
      name: String(id),
      criteria: {
        ...EMPTY_CRITERIA,
        keywords: maybe(0.4, () => some(words, 2).map((word) => maybe(0.3, () => `${word}-${pick(words)}`, word)), []),
        excludedKeywords: maybe(0.15, () => [pick(words)], []),
        statuses: maybe(0.2, () => some(statuses, 2), []),
        minAmount: maybe(0.3, () => pick([10_000, 50_000, 100_000]), null),
        maxAmount: maybe(0.1, () => pick([60_000, 500_000]), null),
        currency: maybe(0.2, () => pick(['EUR', 'USD']), null),
        minDaysToClose: maybe(0.15, () => pick([7, 14]), null),
        maxDaysToClose: maybe(0.25, () => pick([30, 90]), null),
        funderTypes: maybe(0.3, () => some(kinds, 2), []),
        themes: maybe(0.4, () => some(themes, 2), []),
        countries: maybe(0.4, () => some(countries, 2), []),
        applicantTypes: maybe(0.2, () => some(applicants, 2), []),
      } satisfies SearchCriteria,
    }));
    const index = new SearchIndex(searches);
    let matched = 0;
    for (let i = 0; i < 300; i += 1) {
      const amount = maybe(0.8, () => pick([5_000, 50_000, 100_000, 1_000_000]), null);
      const opportunity: SearchableOpportunity = {
        ...call,
        opportunityId: `o${i}`,
        title: some(words, 5).join(' '),
        reference: maybe(0.3, () => `${pick(words)}-${i}`, null),
        funderType: pick(kinds),
        status: pick(statuses),
        closesAt: maybe(0.9, () => new Date(NOW.getTime() + Math.floor(random() * 120) * DAY), null),
        award: { floor: null, ceiling: amount, total: amount === null ? maybe(0.5, () => 200_000, null) : null, currency: pick(['EUR', 'USD', null]) },
        eligibleApplicantTypes: maybe<ApplicantType[]>(0.2, () => ['unrestricted'], some(applicants, 3)),
        eligibleCountries: maybe(0.3, () => [], some(countries, 2)),
        themes: some(themes, 2),
      };
      const expected = searches.filter((search) => meetsCriteria(search.criteria, opportunity, NOW)).map((search) => search.name);
      expect(index.matches(opportunity, NOW).map((search) => search.name)).toEqual(expected);
      matched += expected.length;
    }
    // The comparison means something: the generated calls meet some searches, far from all.
    expect(matched).toBeGreaterThan(300);
    expect(matched).toBeLessThan(300 * 2_000 * 0.5);
  });
});
