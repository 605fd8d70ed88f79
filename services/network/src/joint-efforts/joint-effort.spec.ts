import { ConflictError, ForbiddenError, ValidationError } from '@entente/errors';
import type { Suggestion } from '../spotting/suggestion';
import { equalShares, inputFromSuggestion, invite, type JointEffortInput, join, leave, propose, setCostShares, transition, validateCostShares } from './joint-effort';

const NOW = new Date('2027-03-01T12:00:00Z');
const LATER = new Date('2027-03-02T12:00:00Z');
const members = new Set(['ams', 'lyo', 'por']);

const input = (overrides: Partial<JointEffortInput> = {}): JointEffortInput => ({
  kind: 'common-delegation',
  title: ' Tokyo, together ',
  leadJurisdictionId: 'ams',
  participants: [
    { jurisdictionId: 'ams', costShare: 50 },
    { jurisdictionId: 'lyo', costShare: 25.5 },
    { jurisdictionId: 'por', costShare: 24.5 },
  ],
  timeline: { start: '2027-05-08', end: '2027-05-10' },
  country: 'jp',
  opportunityId: null,
  ...overrides,
});

function fieldOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error.field;
    throw error;
  }
  throw new Error('accepted');
}

describe('joint efforts', () => {
  it('proposes an effort whose lead has joined, emitting the lead’s event once', () => {
    const { effort, events } = propose('je-1', 'net-1', input(), members, NOW);
    expect(effort).toMatchObject({ status: 'proposed', title: 'Tokyo, together', country: 'JP', leadJurisdictionId: 'ams' });
    expect(effort.participants.map((p) => [p.jurisdictionId, p.joinedAt])).toEqual([
      ['ams', NOW],
      ['lyo', null],
      ['por', null],
    ]);
    expect(events).toEqual([expect.objectContaining({ effortId: 'je-1', jurisdictionId: 'ams', costShare: 50, kind: 'common-delegation', timeline: { start: '2027-05-08', end: '2027-05-10' } })]);
  });

  it('emits the participant’s event the first time it joins, never again', () => {
    const { effort } = propose('je-1', 'net-1', input(), members, NOW);
    const first = join(effort, 'lyo', LATER);
    expect(first.events).toEqual([expect.objectContaining({ jurisdictionId: 'lyo', costShare: 25.5 })]);
    const again = join(first.effort, 'lyo', LATER);
    expect(again.events).toEqual([]);
    expect(again.effort).toBe(first.effort);
    expect(() => join(effort, 'ros', LATER)).toThrow(ForbiddenError);
  });

  it('refuses cost shares that do not sum to 100 %, naming the field', () => {
    expect(fieldOf(() => propose('x', 'n', input({ participants: [{ jurisdictionId: 'ams', costShare: 60 }, { jurisdictionId: 'lyo', costShare: 30 }] }), members, NOW))).toBe('participants.0.costShare');
    expect(fieldOf(() => validateCostShares([{ jurisdictionId: 'ams', costShare: 100.001 }]))).toBe('participants.0.costShare');
    expect(fieldOf(() => validateCostShares([{ jurisdictionId: 'ams', costShare: 33.333 }, { jurisdictionId: 'lyo', costShare: 66.667 }]))).toBe('participants.0.costShare');
    expect(fieldOf(() => validateCostShares([{ jurisdictionId: 'ams', costShare: 50 }, { jurisdictionId: 'ams', costShare: 50 }]))).toBe('participants.1.jurisdictionId');
    expect(() => validateCostShares([{ jurisdictionId: 'a', costShare: 33.33 }, { jurisdictionId: 'b', costShare: 33.33 }, { jurisdictionId: 'c', costShare: 33.34 }])).not.toThrow();
  });

  it('refuses a bad kind, title, lead, outsider or timeline, naming the field', () => {
    expect(fieldOf(() => propose('x', 'n', input({ kind: 'party' }), members, NOW))).toBe('kind');
    expect(fieldOf(() => propose('x', 'n', input({ title: '  ' }), members, NOW))).toBe('title');
    expect(fieldOf(() => propose('x', 'n', input({ title: 'x'.repeat(201) }), members, NOW))).toBe('title');
    expect(fieldOf(() => propose('x', 'n', input({ leadJurisdictionId: 'ros' }), members, NOW))).toBe('leadJurisdictionId');
    expect(fieldOf(() => propose('x', 'n', input({ participants: [{ jurisdictionId: 'ros', costShare: 100 }], leadJurisdictionId: 'ros' }), members, NOW))).toBe('participants.0.jurisdictionId');
    expect(fieldOf(() => propose('x', 'n', input({ timeline: { start: '2027-05-10', end: '2027-05-01' } }), members, NOW))).toBe('timelineEnd');
    expect(fieldOf(() => propose('x', 'n', input({ timeline: { start: 'soon', end: '2027-05-01' } }), members, NOW))).toBe('timelineStart');
  });

  it('moves through its statuses only forward, starting only when everyone joined, and takes nothing once over', () => {
    let { effort } = propose('je-1', 'net-1', input(), members, NOW);
    expect(fieldOf(() => transition(effort, 'done'))).toBe('status');
    expect(() => transition(effort, 'active')).toThrow(ConflictError);
    effort = transition(effort, 'forming');
    expect(() => transition(effort, 'active')).toThrow(/waiting for lyo, por/);
    effort = join(join(effort, 'lyo', LATER).effort, 'por', LATER).effort;
    effort = transition(transition(effort, 'active'), 'completed');
    expect(effort.status).toBe('completed');
    expect(() => transition(effort, 'withdrawn')).toThrow(ConflictError);
    expect(() => join(effort, 'lyo', LATER)).toThrow(ConflictError);
  });

  it('changes cost shares only to a full set that sums to 100 %', () => {
    const { effort } = propose('je-1', 'net-1', input(), members, NOW);
    const changed = setCostShares(effort, [
      { jurisdictionId: 'ams', costShare: 40 },
      { jurisdictionId: 'lyo', costShare: 30 },
      { jurisdictionId: 'por', costShare: 30 },
    ]);
    expect(changed.participants.map((p) => p.costShare)).toEqual([40, 30, 30]);
    expect(fieldOf(() => setCostShares(effort, [{ jurisdictionId: 'ams', costShare: 100 }]))).toBe('shares');
    expect(fieldOf(() => setCostShares(effort, [{ jurisdictionId: 'ros', costShare: 100 }]))).toBe('shares.0.jurisdictionId');
  });

  it('takes a suggestion’s members, window and call, with equal shares summing to exactly 100', () => {
    expect(equalShares(3)).toEqual([33.34, 33.33, 33.33]);
    expect(equalShares(3).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    const suggestion = {
      key: 'joint-bid/opp-1',
      subject: { rule: 'joint-bid', opportunityId: 'opp-1' },
      kind: 'joint-bid',
      members: ['lyo', 'ams', 'por'],
      deadline: '2027-06-30T17:00:00Z',
      window: null,
    } as unknown as Suggestion;
    const fromIt = inputFromSuggestion(suggestion, 'Urban bid');
    expect(fromIt).toMatchObject({ kind: 'joint-funding-bid', leadJurisdictionId: 'lyo', opportunityId: 'opp-1', timeline: { start: '2027-06-30', end: '2027-06-30' }, country: null });
    const { effort } = propose('je-2', 'net-1', fromIt, members, NOW, { key: suggestion.key, fingerprint: 'f' });
    expect(effort.fromSuggestion).toEqual({ key: 'joint-bid/opp-1', fingerprint: 'f' });
    expect(effort.participants.map((p) => p.costShare)).toEqual([33.34, 33.33, 33.33]);
  });

  it('invites an active member with new shares summing to 100, who joins like the others', () => {
    const { effort } = propose('je-1', 'net-1', input({ participants: [{ jurisdictionId: 'ams', costShare: 100 }] }), members, NOW);
    const shares = [
      { jurisdictionId: 'ams', costShare: 60 },
      { jurisdictionId: 'lyo', costShare: 40 },
    ];
    const invited = invite(effort, 'lyo', shares, members);
    expect(invited.participants.map((p) => [p.jurisdictionId, p.costShare, p.joinedAt])).toEqual([
      ['ams', 60, NOW],
      ['lyo', 40, null],
    ]);
    expect(join(invited, 'lyo', LATER).events).toEqual([expect.objectContaining({ jurisdictionId: 'lyo', costShare: 40 })]);
    expect(() => invite(invited, 'lyo', shares, members)).toThrow(ConflictError);
    expect(fieldOf(() => invite(effort, 'ros', [{ jurisdictionId: 'ams', costShare: 50 }, { jurisdictionId: 'ros', costShare: 50 }], members))).toBe('jurisdictionId');
    expect(fieldOf(() => invite(effort, 'por', [{ jurisdictionId: 'ams', costShare: 50 }, { jurisdictionId: 'por', costShare: 40 }], members))).toBe('shares.0.costShare');
  });

  it('lets a participant leave, its share passing to the lead; the lead cannot leave', () => {
    const { effort } = propose('je-1', 'net-1', input(), members, NOW);
    const left = leave(effort, 'lyo');
    expect(left.participants.map((p) => [p.jurisdictionId, p.costShare])).toEqual([
      ['ams', 75.5],
      ['por', 24.5],
    ]);
    expect(() => leave(left, 'ams')).toThrow(ConflictError);
    expect(() => leave(left, 'lyo')).toThrow(ForbiddenError);
  });
});
