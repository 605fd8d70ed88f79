import type { Identity } from '@entente/auth';
import type { EventDraft } from '@entente/persistence';
import type { NetworkService } from '../networks/network.service';
import type { SuggestionRepository } from '../spotting/spotting.repositories';
import type { EffortJoinRepository, JointEffortRepository } from './joint-effort.repositories';
import type { JointEffortRecord } from './joint-effort.schema';
import { JointEffortService } from './joint-effort.service';

const identityOf = (jurisdictionId: string, roles: Identity['roles'] = ['jurisdiction-admin']): Identity =>
  ({ userId: `u-${jurisdictionId}`, username: `admin of ${jurisdictionId}`, jurisdictionId, roles }) as Identity;

/** The service over in-memory efforts and joinings; `losesFirstSave` makes the next save lose to a concurrent change. */
function world() {
  const efforts = new Map<string, JointEffortRecord>();
  const joinings = new Map<string, EventDraft[]>();
  let losesFirstSave = false;
  const networks = {
    reach: () => Promise.resolve({ network: {}, standing: { coordinator: false, platformAdmin: false, membership: 'active' } }),
    activeMemberIds: () => Promise.resolve(['ams', 'lyo']),
  } as unknown as NetworkService;
  const repository = {
    create: (record: JointEffortRecord) => Promise.resolve(void efforts.set(record.id, record)),
    get: (id: string) => Promise.resolve(efforts.get(id) ?? null),
    save: (before: JointEffortRecord, after: JointEffortRecord) => {
      const stored = efforts.get(before.id) as JointEffortRecord;
      if (losesFirstSave) {
        losesFirstSave = false;
        efforts.set(before.id, { ...stored, title: 'renamed meanwhile', revision: stored.revision + 1 });
        return Promise.resolve(null);
      }
      if (stored.revision !== before.revision) return Promise.resolve(null);
      const saved = { ...after, revision: before.revision + 1 };
      efforts.set(before.id, saved);
      return Promise.resolve(saved);
    },
  } as unknown as JointEffortRepository;
  const joins = {
    recordOnce: (scope: { jurisdictionId: string }, join: { effortId: string }, events: EventDraft[]) => {
      const key = `${scope.jurisdictionId}/${join.effortId}`;
      if (joinings.has(key)) return Promise.resolve(false);
      joinings.set(key, events);
      return Promise.resolve(true);
    },
  } as unknown as EffortJoinRepository;
  const service = new JointEffortService(networks, repository, joins, {} as SuggestionRepository);
  return { service, efforts, joinings, loseNextSave: () => (losesFirstSave = true) };
}

const input = {
  kind: 'common-delegation',
  title: 'Tokyo, together',
  participants: [
    { jurisdictionId: 'ams', costShare: 60 },
    { jurisdictionId: 'lyo', costShare: 40 },
  ],
  timeline: null,
  country: 'JP',
  opportunityId: null,
};

describe('joint efforts as a service', () => {
  it('writes one joining, with one event, however often a participant joins', async () => {
    const { service, joinings } = world();
    const effort = await service.propose(identityOf('ams'), 'net-1', input);
    expect([...joinings.keys()]).toEqual([`ams/${effort.id}`]);
    await service.join(identityOf('lyo'), effort.id);
    await service.join(identityOf('lyo'), effort.id);
    expect([...joinings.keys()]).toEqual([`ams/${effort.id}`, `lyo/${effort.id}`]);
    const [event] = joinings.get(`lyo/${effort.id}`) as EventDraft[];
    expect(event?.payload).toMatchObject({ effortId: effort.id, participantJurisdictionId: 'lyo', costShare: 40, kind: 'common-delegation', country: 'JP' });
  });

  it('applies a change again to the effort as a concurrent change left it, still joining once', async () => {
    const { service, efforts, joinings, loseNextSave } = world();
    const effort = await service.propose(identityOf('ams'), 'net-1', input);
    loseNextSave();
    const joined = await service.join(identityOf('lyo'), effort.id);
    expect(joined.title).toBe('renamed meanwhile');
    expect(joined.participants.find((p) => p.jurisdictionId === 'lyo')?.joinedAt).not.toBeNull();
    expect(efforts.get(effort.id)?.revision).toBe(2);
    expect([...joinings.keys()].filter((key) => key.startsWith('lyo/'))).toHaveLength(1);
  });

  it('refuses a proposal that leaves out the proposer, naming participants', async () => {
    const { service } = world();
    await expect(service.propose(identityOf('ams'), 'net-1', { ...input, participants: [{ jurisdictionId: 'lyo', costShare: 100 }] })).rejects.toMatchObject({ field: 'participants' });
  });
});
