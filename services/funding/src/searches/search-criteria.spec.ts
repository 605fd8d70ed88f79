import { EMPTY_CRITERIA, matchesCriteria, type SearchableOpportunity, type SearchCriteria } from './search-criteria';
import { parseSavedSearch } from './saved-search.rules';
import { ValidationError } from '@entente/errors';

const now = new Date('2026-12-02T00:00:00Z');
const call: SearchableOpportunity = {
  opportunityId: 'grants-gov:1',
  version: 1,
  title: 'Baltic Sister Cities Partnership Fund',
  reference: 'DOS-ECA-27-001',
  funder: 'Bureau of Educational and Cultural Affairs',
  funderType: 'national',
  status: 'open',
  closesAt: new Date('2027-01-01T00:00:00Z'),
  award: { floor: 10_000, ceiling: 250_000, total: null, currency: 'USD' },
  eligibleApplicantTypes: ['city-or-township-governments'],
  eligibleCountries: ['US'],
  themes: ['regional-development'],
};
const yes = { eligible: () => Promise.resolve(true), fitsPriorities: () => Promise.resolve(true) };
const no = { eligible: () => Promise.resolve(false), fitsPriorities: () => Promise.resolve(false) };
const criteria = (over: Partial<SearchCriteria>): SearchCriteria => ({ ...EMPTY_CRITERIA, ...over });

describe('saved search criteria', () => {
  it('match keywords as whole words or phrases, and exclusions veto', async () => {
    expect(await matchesCriteria(criteria({ keywords: ['sister-cities'] }), call, yes, now)).toBe(true);
    expect(await matchesCriteria(criteria({ keywords: ['sister-city'] }), call, yes, now)).toBe(false);
    expect(await matchesCriteria(criteria({ keywords: ['baltic'], excludedKeywords: ['partnership'] }), call, yes, now)).toBe(false);
  });

  it('take forecasted and open calls unless statuses say otherwise', async () => {
    expect(await matchesCriteria(EMPTY_CRITERIA, { ...call, status: 'closed' }, yes, now)).toBe(false);
    expect(await matchesCriteria(criteria({ statuses: ['closed'] }), { ...call, status: 'closed' }, yes, now)).toBe(true);
  });

  it('compare amounts by ceiling in the currency asked for, and the deadline window in days', async () => {
    expect(await matchesCriteria(criteria({ minAmount: 100_000 }), call, yes, now)).toBe(true);
    expect(await matchesCriteria(criteria({ minAmount: 100_000, currency: 'EUR' }), call, yes, now)).toBe(false);
    expect(await matchesCriteria(criteria({ maxAmount: 200_000 }), call, yes, now)).toBe(false);
    expect(await matchesCriteria(criteria({ minDaysToClose: 14, maxDaysToClose: 60 }), call, yes, now)).toBe(true);
    expect(await matchesCriteria(criteria({ maxDaysToClose: 10 }), call, yes, now)).toBe(false);
  });

  it('filter funder types, themes, countries (a call naming none is open to all) and applicant types', async () => {
    expect(await matchesCriteria(criteria({ funderTypes: ['eu'] }), call, yes, now)).toBe(false);
    expect(await matchesCriteria(criteria({ themes: ['regional-development'] }), call, yes, now)).toBe(true);
    expect(await matchesCriteria(criteria({ countries: ['DE'] }), call, yes, now)).toBe(false);
    expect(await matchesCriteria(criteria({ countries: ['DE'] }), { ...call, eligibleCountries: [] }, yes, now)).toBe(true);
    expect(await matchesCriteria(criteria({ applicantTypes: ['state-governments'] }), call, yes, now)).toBe(false);
  });

  it('ask about eligibility and priorities only when the search does', async () => {
    let asked = 0;
    const counting = { eligible: () => Promise.resolve(++asked > 0), fitsPriorities: () => Promise.resolve(++asked < 0) };
    expect(await matchesCriteria(EMPTY_CRITERIA, call, counting, now)).toBe(true);
    expect(asked).toBe(0);
    expect(await matchesCriteria(criteria({ eligibleOnly: true }), call, no, now)).toBe(false);
    expect(await matchesCriteria(criteria({ matchesMyPriorities: true }), call, counting, now)).toBe(false);
    expect(asked).toBe(1);
  });
});

describe('saved search input', () => {
  const valid = { name: 'Baltic calls', criteria: { keywords: ['Baltic'] }, cadence: { kind: 'daily', hour: 8, timeZone: 'Europe/Berlin' }, channels: { inApp: true, email: true } };

  it('normalises terms and reads a whole search', () => {
    const parsed = parseSavedSearch(valid, 'staff@example.org');
    expect(parsed.criteria.keywords).toEqual(['baltic']);
    expect(parsed.cadence).toEqual({ kind: 'daily', hour: 8, weekday: null, timeZone: 'Europe/Berlin' });
  });

  it('names every bad field', () => {
    const problems = (input: object, email: string | null = 'staff@example.org'): string[] => {
      try {
        parseSavedSearch(input, email);
        return [];
      } catch (error) {
        return (error as ValidationError).problems.map((problem) => problem.field);
      }
    };
    expect(problems({ ...valid, cadence: { kind: 'weekly', hour: 25, weekday: 9, timeZone: 'Mars/Olympus' } })).toEqual(['cadence.timeZone', 'cadence.hour', 'cadence.weekday']);
    expect(problems({ ...valid, channels: { email: true } }, null)).toEqual(['channels.email']);
    expect(problems({ ...valid, channels: { webhook: { url: 'ftp://x', secret: 'short' } } })).toEqual(['channels.webhook.url', 'channels.webhook.secret']);
    expect(problems({ ...valid, criteria: { countries: ['Germany'], minAmount: 10, maxAmount: 5 } })).toEqual(['criteria.maxAmount', 'criteria.countries[0]']);
    expect(problems({ ...valid, channels: {} })).toEqual(['channels']);
  });
});
