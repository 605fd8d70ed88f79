import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Identity } from '@entente/auth';
import { JointEffortParticipantJoinedV1 } from '@entente/contracts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@entente/errors';
import { eventDraft, scopeOf } from '@entente/persistence';
import { canReadSharedData, type NetworkStanding } from '../networks/network-access';
import { NetworkService } from '../networks/network.service';
import { SuggestionRepository } from '../spotting/spotting.repositories';
import { inputFromSuggestion, invite, join, type JointEffort, type JointEffortInput, leave, type ParticipantJoined, propose, setCostShares, transition } from './joint-effort';
import { EffortJoinRepository, JointEffortRepository } from './joint-effort.repositories';
import type { JointEffortRecord } from './joint-effort.schema';

export type CostShares = ReadonlyArray<{ jurisdictionId: string; costShare: number }>;

/**
 * Joint efforts of a network. Anyone who reads the network's shared data
 * (its coordinators and active members) sees them; a member's
 * jurisdiction-admin proposes one (its jurisdiction the lead, joined by
 * proposing), joins or leaves; the lead's admin or a coordinator invites,
 * sets cost shares and moves the status. A joining writes the participant's
 * record with the event planning turns into a proposed activity, once.
 */
@Injectable()
export class JointEffortService {
  constructor(
    private readonly networks: NetworkService,
    private readonly efforts: JointEffortRepository,
    private readonly joins: EffortJoinRepository,
    private readonly suggestions: SuggestionRepository,
  ) {}

  async list(identity: Identity, networkId: string): Promise<JointEffortRecord[]> {
    const { standing } = await this.networks.reach(identity, networkId);
    if (!canReadSharedData(standing)) throw new NotFoundError('Network', networkId);
    return this.efforts.ofNetwork(networkId);
  }

  /** A member's admin proposes an effort by hand, its own jurisdiction the lead. */
  async propose(identity: Identity, networkId: string, input: Omit<JointEffortInput, 'leadJurisdictionId'>): Promise<JointEffortRecord> {
    await this.asMemberAdmin(identity, networkId);
    if (!input.participants.some((p) => p.jurisdictionId === identity.jurisdictionId)) throw ValidationError.forField('participants', 'name your own jurisdiction among the participants: it leads the effort');
    return this.create(identity, networkId, { ...input, leadJurisdictionId: identity.jurisdictionId }, null);
  }

  /** A member's admin proposes an effort from a suggestion that involves its jurisdiction: its members with equal shares, the caller the lead. */
  async proposeFromSuggestion(identity: Identity, suggestionId: string, title: string | null): Promise<JointEffortRecord> {
    const suggestion = await this.suggestions.get(suggestionId);
    if (!suggestion) throw new NotFoundError('Suggestion', suggestionId);
    await this.asMemberAdmin(identity, suggestion.networkId).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError('Suggestion', suggestionId) : error;
    });
    if (!suggestion.members.includes(identity.jurisdictionId)) throw new ForbiddenError('your jurisdiction is not among the members this suggestion involves');
    const input = inputFromSuggestion(suggestion, title ?? undefined);
    return this.create(identity, suggestion.networkId, { ...input, leadJurisdictionId: identity.jurisdictionId }, { key: suggestion.key, fingerprint: suggestion.fingerprint });
  }

  /** The lead's admin or a coordinator names another active member, with new shares for all. */
  invite(identity: Identity, effortId: string, jurisdictionId: string, shares: CostShares): Promise<JointEffortRecord> {
    return this.change(identity, effortId, 'steer', async (effort) => ({ effort: invite(effort, jurisdictionId, shares, new Set(await this.networks.activeMemberIds(effort.networkId))), events: [] }));
  }

  join(identity: Identity, effortId: string): Promise<JointEffortRecord> {
    return this.change(identity, effortId, 'participate', (effort) => Promise.resolve(join(effort, identity.jurisdictionId, new Date())));
  }

  leave(identity: Identity, effortId: string): Promise<JointEffortRecord> {
    return this.change(identity, effortId, 'participate', (effort) => Promise.resolve({ effort: leave(effort, identity.jurisdictionId), events: [] }));
  }

  setCostShares(identity: Identity, effortId: string, shares: CostShares): Promise<JointEffortRecord> {
    return this.change(identity, effortId, 'steer', (effort) => Promise.resolve({ effort: setCostShares(effort, shares), events: [] }));
  }

  move(identity: Identity, effortId: string, status: string): Promise<JointEffortRecord> {
    return this.change(identity, effortId, 'steer', (effort) => Promise.resolve({ effort: transition(effort, status), events: [] }));
  }

  private async create(identity: Identity, networkId: string, input: JointEffortInput, fromSuggestion: JointEffort['fromSuggestion']): Promise<JointEffortRecord> {
    const now = new Date();
    const active = new Set(await this.networks.activeMemberIds(networkId));
    const { effort, events } = propose(randomUUID(), networkId, input, active, now, fromSuggestion);
    const record: JointEffortRecord = { ...effort, createdBy: identity.userId, createdAt: now, updatedAt: now, revision: 0 };
    await this.efforts.create(record);
    await this.announce(identity, events);
    return record;
  }

  /**
   * One change of an effort: the caller's right checked, the domain applied
   * to the stored effort, the joinings recorded (with their events) before
   * the effort is saved, so a retry after a failure in between finds the
   * joining recorded and writes no second event. A concurrent change is
   * retried once on the effort as it is then.
   */
  private async change(
    identity: Identity,
    effortId: string,
    right: 'steer' | 'participate',
    apply: (effort: JointEffort) => Promise<{ effort: JointEffort; events: ParticipantJoined[] }>,
  ): Promise<JointEffortRecord> {
    for (let attempt = 0; ; attempt += 1) {
      const before = await this.efforts.get(effortId);
      if (!before) throw new NotFoundError('Joint effort', effortId);
      const { standing } = await this.networks.reach(identity, before.networkId).catch(() => {
        throw new NotFoundError('Joint effort', effortId);
      });
      if (!canReadSharedData(standing)) throw new NotFoundError('Joint effort', effortId);
      checkRight(identity, standing, before, right);
      const { effort, events } = await apply(before);
      if (effort === before) return before;
      await this.announce(identity, events);
      const saved = await this.efforts.save(before, { ...before, ...effort });
      if (saved) return saved;
      if (attempt > 0) throw new ConflictError(`joint effort ${effortId} was changed by someone else meanwhile; reload and try again`);
    }
  }

  private async announce(identity: Identity, events: readonly ParticipantJoined[]): Promise<void> {
    const scope = scopeOf(identity);
    for (const e of events) {
      if (e.jurisdictionId !== scope.jurisdictionId) throw new Error(`a joining of ${e.jurisdictionId} was announced by ${scope.jurisdictionId}`);
      const joinedAt = new Date();
      const draft = eventDraft(JointEffortParticipantJoinedV1, {
        aggregateId: e.effortId,
        payload: {
          effortId: e.effortId,
          networkId: e.networkId,
          participantJurisdictionId: e.jurisdictionId,
          kind: e.kind,
          title: e.title,
          costShare: e.costShare,
          timeline: e.timeline,
          country: e.country,
          opportunityId: e.opportunityId,
          joinedAt: joinedAt.toISOString(),
        },
      });
      await this.joins.recordOnce(scope, { effortId: e.effortId, networkId: e.networkId, costShare: e.costShare, joinedAt }, [draft], { actor: identity, action: 'joined', at: joinedAt });
    }
  }

  private async asMemberAdmin(identity: Identity, networkId: string): Promise<void> {
    const { standing } = await this.networks.reach(identity, networkId);
    if (!canReadSharedData(standing)) throw new NotFoundError('Network', networkId);
    if (standing.membership !== 'active' || !identity.roles.includes('jurisdiction-admin')) throw new ForbiddenError('a member jurisdiction’s admin proposes joint efforts');
  }
}

function checkRight(identity: Identity, standing: NetworkStanding, effort: JointEffort, right: 'steer' | 'participate'): void {
  const memberAdmin = standing.membership === 'active' && identity.roles.includes('jurisdiction-admin');
  if (right === 'participate') {
    if (!memberAdmin) throw new ForbiddenError('a participant’s jurisdiction-admin joins or leaves a joint effort');
    return;
  }
  if (standing.coordinator) return;
  if (memberAdmin && effort.leadJurisdictionId === identity.jurisdictionId) return;
  throw new ForbiddenError('the lead’s jurisdiction-admin or a network coordinator steers a joint effort');
}
