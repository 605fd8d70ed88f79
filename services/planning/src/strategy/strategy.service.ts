import { Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError, ValidationError, quoted } from '@entente/errors';
import { type Change, isDuplicateKeyError, scopeOf, type TenantScope } from '@entente/persistence';
import { GoalsInUse } from './goals-in-use.port';
import { StrategyRepository } from './strategy.repository';
import { emptyStrategy, parseMeeting, parseStrategy, type StrategyContent, type StrategyInput } from './strategy.rules';
import type { StrategyRecord } from './strategy.schema';

/** A strategy as read: the stored one, or the empty one with the defaults for a jurisdiction that has none yet. */
export type StrategyView = StrategyContent & { updatedAt: Date | null };

@Injectable()
export class StrategyService {
  constructor(
    private readonly strategies: StrategyRepository,
    private readonly goalsInUse: GoalsInUse,
  ) {}

  read(identity: Identity): Promise<StrategyView> {
    return this.of(scopeOf(identity));
  }

  /** For the features that follow the strategy (priorities: its goals, its staff FTE). */
  async of(scope: TenantScope): Promise<StrategyView> {
    return viewOf(await this.strategies.find(scope));
  }

  /**
   * Replaces the whole strategy. A goal that an active priority advances
   * cannot go: the priority would advance nothing, which the priorities'
   * own rule refuses; the answer names the priority to retire or move first.
   */
  async save(identity: Identity, input: StrategyInput): Promise<StrategyView> {
    const scope = scopeOf(identity);
    const before = await this.strategies.find(scope);
    const content = parseStrategy(input, before ?? emptyStrategy());
    if (before) await this.refuseRemovingGoalsInUse(scope, before, content);
    const change = changeBy(identity, 'saved');
    if (!before) {
      try {
        return viewOf(await this.strategies.create({ jurisdictionId: scope.jurisdictionId, ...content, updatedBy: identity.userId, createdAt: change.at, updatedAt: change.at }, change));
      } catch (error) {
        if (isDuplicateKeyError(error)) throw savedMeanwhile();
        throw error;
      }
    }
    const saved = await this.strategies.replace(scope, before, content, change, identity.userId);
    if (!saved) throw savedMeanwhile();
    return viewOf(saved);
  }

  async recordAdvisoryMeeting(identity: Identity, groupId: string, input: { date: string; notes: string }): Promise<StrategyView> {
    const scope = scopeOf(identity);
    const meeting = parseMeeting(input);
    const before = await this.strategies.find(scope);
    if (!before?.advisoryGroups.some((group) => group.groupId === groupId)) throw new NotFoundError('Advisory group', groupId);
    const saved = await this.strategies.addMeeting(scope, before, groupId, meeting, changeBy(identity, 'advisory-meeting-recorded'), identity.userId);
    if (!saved) throw savedMeanwhile();
    return viewOf(saved);
  }

  private async refuseRemovingGoalsInUse(scope: TenantScope, before: StrategyRecord, after: StrategyContent): Promise<void> {
    const kept = new Set(after.goals.map((goal) => goal.goalId));
    const removed = before.goals.filter((goal) => !kept.has(goal.goalId));
    if (removed.length === 0) return;
    const users = await this.goalsInUse.activeAdvancing(scope, removed.map((goal) => goal.goalId));
    if (users.length === 0) return;
    const reasons = removed.flatMap((goal) => {
      const advancing = users.filter((user) => user.goalIds.includes(goal.goalId));
      if (advancing.length === 0) return [];
      return [`goal ${quoted(goal.title)} (${goal.goalId}) is advanced by active ${advancing.map((user) => `priority ${quoted(user.title)} (${user.priorityId})`).join(', ')}`];
    });
    throw ValidationError.forField('goals', `${reasons.join('; ')}: point the priority at another goal (changePriority) or retire it before removing the goal`);
  }
}

function viewOf(record: StrategyRecord | null): StrategyView {
  if (!record) return { ...emptyStrategy(), updatedAt: null };
  const { goals, governanceModel, executiveSponsor, advisoryGroups, nationalPolicyAlignment, staffFte, priorityCapOverride, updatedAt } = record;
  return { goals, governanceModel, executiveSponsor, advisoryGroups, nationalPolicyAlignment, staffFte, priorityCapOverride, updatedAt };
}

function changeBy(identity: Identity, action: string): Change {
  return { actor: identity, action, at: new Date() };
}

function savedMeanwhile(): ConflictError {
  return new ConflictError('the strategy was saved by someone else meanwhile; reload it and save again');
}
