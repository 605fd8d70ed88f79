import type { Identity } from '@entente/auth';
import { ValidationError } from '@entente/errors';
import type { JurisdictionDirectory } from '@entente/service-runtime';
import type { PriorityViewRepository } from '../priorities/priority-view.repository';
import type { MatchableOpportunities } from './matchable-opportunities.port';
import { MatchingService } from './matching.service';

const NOW = new Date('2027-03-10T09:00:00Z');
const identity: Identity = { userId: 'u1', username: 'rostock-staff', jurisdictionId: 'rostock', roles: ['staff'] };
const opportunity = (id: string, themes: string[], closesAt: string | null) => ({
  opportunityId: id,
  title: `Call ${id}`,
  funder: 'Interreg',
  url: null,
  status: 'open' as const,
  closesAt: closesAt ? new Date(closesAt) : null,
  themes,
  eligibleApplicantTypes: ['local-governments' as const],
  eligibleCountries: [],
});

function service(priorities: Array<{ priorityId: string; title: string; themes: string[] }>, profile = true): MatchingService {
  const directory = { find: () => Promise.resolve(profile ? { jurisdictionId: 'rostock', level: 'city', country: 'DE' } : null) } as unknown as JurisdictionDirectory;
  const views = { active: () => Promise.resolve(priorities.map((p) => ({ ...p, jurisdictionId: 'rostock', countries: [], sectors: [], status: 'active' }))) } as unknown as PriorityViewRepository;
  const catalogue: MatchableOpportunities = {
    openOrForecasted: () =>
      Promise.resolve([opportunity('late', ['regional-development'], '2027-06-01T00:00:00Z'), opportunity('soon', ['regional-development'], '2027-03-20T00:00:00Z'), opportunity('health', ['health'], null)]),
  };
  return new MatchingService(directory, views, catalogue);
}

describe('the caller’s opportunity matches', () => {
  it('lists matches best first, the soonest closing first among equals, joined with the opportunity', async () => {
    const matches = await service([{ priorityId: 'p1', title: 'Baltic trade', themes: ['Regional development'] }]).matchesFor(identity, 20, 0, NOW);
    expect(matches.map((m) => [m.opportunityId, m.score, m.title])).toEqual([
      ['soon', 55, 'Call soon'],
      ['late', 55, 'Call late'],
    ]);
    expect(matches[0]?.explanation).toBe("matches priority 'Baltic trade' on theme regional development; eligible: local governments; closes in 10 days");
  });

  it('answers nothing without priorities or before the jurisdiction’s profile arrived, and keeps to first and minScore', async () => {
    expect(await service([]).matchesFor(identity, 20, 0, NOW)).toEqual([]);
    expect(await service([{ priorityId: 'p1', title: 'x', themes: ['health'] }], false).matchesFor(identity, 20, 0, NOW)).toEqual([]);
    const few = service([{ priorityId: 'p1', title: 'x', themes: ['regional-development'] }]);
    expect(await few.matchesFor(identity, 1, 0, NOW)).toHaveLength(1);
    expect(await few.matchesFor(identity, 20, 60, NOW)).toEqual([]);
    await expect(few.matchesFor(identity, 0, 0, NOW)).rejects.toThrow(ValidationError);
    await expect(few.matchesFor(identity, 20, 101, NOW)).rejects.toThrow('minScore');
  });
});
