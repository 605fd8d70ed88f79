import type { MatchingJurisdiction } from './eligibility';
import { eligibilityOf } from './eligibility';
import { closingNote, matchOne, OpportunityMatcher } from './opportunity-matcher';
import { fitOf, type MatchableOpportunity, type MatchingPriority, termsOf } from './priority-fit';

const NOW = new Date('2027-03-10T09:00:00Z');
const rostock: MatchingJurisdiction = { jurisdictionId: 'rostock', level: 'city', country: 'DE' };
const maryland: MatchingJurisdiction = { jurisdictionId: 'maryland', level: 'state-or-province', country: 'US' };

function anOpportunity(changes: Partial<MatchableOpportunity> = {}): MatchableOpportunity {
  return {
    opportunityId: 'eu:interreg-bsr-2027',
    title: 'Interreg Baltic Sea Region small projects',
    status: 'open',
    closesAt: new Date('2027-03-31T15:00:00Z'),
    themes: ['regional-development'],
    eligibleApplicantTypes: ['local-governments', 'regional-governments'],
    eligibleCountries: ['DE', 'DK', 'FI', 'PL'],
    ...changes,
  };
}

function aPriority(changes: Partial<MatchingPriority> = {}): MatchingPriority {
  return { jurisdictionId: 'rostock', priorityId: 'p-baltic', title: 'Baltic trade', themes: ['Regional development'], countries: [], sectors: [], ...changes };
}

describe('eligibility from the jurisdiction directory', () => {
  it('reads a city as a city or local government, a state as a state or regional one', () => {
    expect(eligibilityOf({ eligibleApplicantTypes: ['city-or-township-governments'], eligibleCountries: [] }, rostock)).toEqual({ verdict: 'eligible', note: 'eligible: city or township governments' });
    expect(eligibilityOf({ eligibleApplicantTypes: ['state-governments', 'county-governments'], eligibleCountries: ['US'] }, maryland)).toEqual({ verdict: 'eligible', note: 'eligible: state governments' });
    expect(eligibilityOf({ eligibleApplicantTypes: ['state-governments'], eligibleCountries: [] }, rostock).verdict).toBe('ineligible');
  });

  it('refuses a call closed to the jurisdiction’s country, and says when eligibility is not stated', () => {
    expect(eligibilityOf({ eligibleApplicantTypes: ['unrestricted'], eligibleCountries: ['US'] }, rostock)).toEqual({ verdict: 'ineligible', note: 'not eligible: open to applicants in US' });
    expect(eligibilityOf({ eligibleApplicantTypes: [], eligibleCountries: [] }, rostock)).toEqual({ verdict: 'unclear', note: 'eligibility not stated; check the call' });
    expect(eligibilityOf({ eligibleApplicantTypes: ['others'], eligibleCountries: [] }, rostock).verdict).toBe('unclear');
    expect(eligibilityOf({ eligibleApplicantTypes: ['unrestricted'], eligibleCountries: [] }, rostock).verdict).toBe('eligible');
  });
});

describe('fit with a priority', () => {
  it('finds shared themes however they are spelt, a target country the call is open to, and a sector in the title', () => {
    const terms = termsOf(anOpportunity({ title: 'Maritime innovation in the Baltic', themes: ['Regional Development', 'transportation'] }));
    const fit = fitOf(terms, aPriority({ themes: ['regional development', 'Transportation'], countries: ['DK', 'DE'], sectors: ['Maritime'] }), 'DE');
    expect(fit).toMatchObject({ themes: ['regional-development', 'transportation'], countries: ['DK'], sectors: ['maritime'], points: 90 });
  });

  it('counts nothing for the jurisdiction’s own country, and does not find a sector inside another word', () => {
    const terms = termsOf(anOpportunity({ title: 'Seaports and wind', themes: [] }));
    expect(fitOf(terms, aPriority({ themes: [], countries: ['DE'], sectors: ['ports'] }), 'DE')).toBeNull();
  });
});

describe('a match, scored and explained in one line', () => {
  it('reads as the issue asks', () => {
    const opportunity = anOpportunity({ eligibleApplicantTypes: ['city-or-township-governments'] });
    const match = matchOne(opportunity, termsOf(opportunity), rostock, [aPriority()], NOW);
    expect(match).toEqual({
      jurisdictionId: 'rostock',
      opportunityId: 'eu:interreg-bsr-2027',
      score: 55,
      explanation: "matches priority 'Baltic trade' on theme regional development; eligible: city or township governments; closes in 22 days",
      eligibility: 'eligible',
      priorityIds: ['p-baltic'],
    });
  });

  it('names the best priority and how many more fit, and scores the best fit', () => {
    const opportunity = anOpportunity();
    const match = matchOne(
      opportunity,
      termsOf(opportunity),
      rostock,
      [aPriority(), aPriority({ priorityId: 'p-nordic', title: 'Nordic partners', themes: ['regional-development'], countries: ['FI', 'DK'] }), aPriority({ priorityId: 'p-none', title: 'Youth', themes: ['education'] })],
      NOW,
    );
    expect(match?.priorityIds).toEqual(['p-nordic', 'p-baltic']);
    expect(match?.score).toBe(75);
    expect(match?.explanation).toBe("matches priority 'Nordic partners' on theme regional development, countries FI and DK (and 1 more priority); eligible: local governments; closes in 22 days");
  });

  it('does not match a closed call, an ineligible jurisdiction, or one whose priorities share nothing with the call', () => {
    const closed = anOpportunity({ status: 'closed' });
    expect(matchOne(closed, termsOf(closed), rostock, [aPriority()], NOW)).toBeNull();
    const usOnly = anOpportunity({ eligibleCountries: ['US'] });
    expect(matchOne(usOnly, termsOf(usOnly), rostock, [aPriority()], NOW)).toBeNull();
    const health = anOpportunity({ themes: ['health'] });
    expect(matchOne(health, termsOf(health), rostock, [aPriority()], NOW)).toBeNull();
  });

  it('says how long is left, or that the date is not known yet', () => {
    expect(closingNote({ status: 'open', closesAt: new Date('2027-03-10T20:00:00Z') }, NOW)).toBe('closes within a day');
    expect(closingNote({ status: 'open', closesAt: new Date('2027-03-31T09:00:00Z') }, NOW)).toBe('closes in 21 days');
    expect(closingNote({ status: 'open', closesAt: new Date('2027-03-01T09:00:00Z') }, NOW)).toBe('closing date passed');
    expect(closingNote({ status: 'forecasted', closesAt: null }, NOW)).toBe('forecasted; no closing date yet');
  });
});

describe('matching every jurisdiction at once through the index', () => {
  it('finds the same matches as comparing every priority, best first', () => {
    const jurisdictions = [rostock, maryland, { jurisdictionId: 'palmerston-north', level: 'city' as const, country: 'NZ' }];
    const priorities = [
      aPriority(),
      aPriority({ jurisdictionId: 'maryland', priorityId: 'p-md', title: 'Exports to Europe', themes: ['business-and-commerce'], countries: ['DE'] }),
      aPriority({ jurisdictionId: 'palmerston-north', priorityId: 'p-pn', title: 'Agritech with Asia', themes: ['agriculture'], countries: ['JP'], sectors: ['agritech'] }),
    ];
    const matcher = new OpportunityMatcher(jurisdictions, priorities);
    const opportunities = [
      anOpportunity(),
      anOpportunity({ opportunityId: 'gg:1', title: 'Agritech exchange Japan', themes: ['agriculture'], eligibleApplicantTypes: ['unrestricted'], eligibleCountries: [] }),
      anOpportunity({ opportunityId: 'gg:2', title: 'Export promotion', themes: ['business-and-commerce'], eligibleApplicantTypes: ['state-governments'], eligibleCountries: ['US', 'DE'] }),
    ];
    const indexed = matcher.matchAll(opportunities, NOW);
    const brute = opportunities.flatMap((o) =>
      jurisdictions
        .map((j) => matchOne(o, termsOf(o), j, priorities.filter((p) => p.jurisdictionId === j.jurisdictionId), NOW))
        .filter((m) => m !== null)
        .sort((a, b) => b.score - a.score),
    );
    expect(indexed).toEqual(brute);
    expect(indexed.map((m) => [m.opportunityId, m.jurisdictionId])).toEqual([
      ['eu:interreg-bsr-2027', 'rostock'],
      ['gg:1', 'palmerston-north'],
      ['gg:2', 'maryland'],
    ]);
  });

  it('compares an opportunity only with the priorities that share a term with it, so the cost grows slower than the priorities', () => {
    const themes = Array.from({ length: 200 }, (_unused, i) => `theme-${i}`);
    const countries = ['DE', 'DK', 'FI', 'PL', 'SE', 'NO', 'LV', 'LT', 'EE', 'NL'];
    const comparisonsFor = (priorityCount: number): number => {
      const jurisdictions = Array.from({ length: priorityCount / 5 }, (_unused, i) => ({ jurisdictionId: `j${i}`, level: 'city' as const, country: countries[i % countries.length] as string }));
      const priorities = Array.from({ length: priorityCount }, (_unused, i) => ({
        jurisdictionId: `j${Math.floor(i / 5)}`,
        priorityId: `p${i}`,
        title: `Priority ${i}`,
        themes: [themes[i % themes.length] as string],
        countries: [countries[(i * 7) % countries.length] as string],
        sectors: [],
      }));
      const matcher = new OpportunityMatcher(jurisdictions, priorities);
      const opportunities = Array.from({ length: 1000 }, (_unused, i) =>
        anOpportunity({ opportunityId: `o${i}`, themes: [themes[(i * 13) % themes.length] as string], eligibleCountries: [], eligibleApplicantTypes: ['local-governments'] }),
      );
      matcher.matchAll(opportunities, NOW);
      return matcher.comparisons;
    };
    const small = comparisonsFor(1_000);
    const large = comparisonsFor(10_000);
    expect(small).toBeLessThan(1000 * 1_000 * 0.05);
    expect(large).toBeLessThan(1000 * 10_000 * 0.05);
  });
});
