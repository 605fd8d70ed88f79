import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type PriorityStateV1Payload, PriorityChangedV1, PriorityRetiredV1, PrioritySetV1 } from '@entente/contracts';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError, ValidationError } from '@entente/errors';
import { type Change, eventDraft, type Page, type PageArgs, scopeOf, type Stored, type TenantScope } from '@entente/persistence';
import { Problems, readText } from '@entente/validation';
import { RegistryRecords } from '../registry-records/registry-records';
import type { LocalGoal } from '../strategy/strategy.rules';
import { effectiveStaffFte } from '../strategy/strategy.rules';
import { StrategyService, type StrategyView } from '../strategy/strategy.service';
import { admitActive, type CapCandidate, capFor, type PriorityCap } from './priority-cap';
import { changedFields, hasKpiProgress, parseNewPriority, parsePriorityChange, PRIORITY_LIMITS, type PriorityChangeInput, type PriorityInput, readKpiValue } from './priority.rules';
import { PriorityRepository } from './priority.repository';
import type { EvidenceLink, PriorityContent, PriorityRecord, PriorityStatus } from './priority.schema';

/** A write's answer: the priority, and the warnings (past the soft cap) a person should read. */
export interface PriorityOutcome {
  priority: PriorityRecord;
  warnings: string[];
}

/** The cap as the priorityCap query shows it. */
export type PriorityCapView = PriorityCap & { active: number };

@Injectable()
export class PriorityService {
  constructor(
    private readonly priorities: PriorityRepository,
    private readonly strategies: StrategyService,
    private readonly registry: RegistryRecords,
  ) {}

  list(identity: Identity, args: PageArgs, status?: PriorityStatus): Promise<Page<PriorityRecord & Stored>> {
    return this.priorities.list(scopeOf(identity), args, status);
  }

  async get(identity: Identity, priorityId: string): Promise<PriorityRecord> {
    const found = await this.priorities.get(scopeOf(identity), priorityId);
    if (!found) throw new NotFoundError('Priority', priorityId);
    return found;
  }

  async cap(identity: Identity): Promise<PriorityCapView> {
    const scope = scopeOf(identity);
    const [strategy, active] = await Promise.all([this.strategies.of(scope), this.priorities.activeOf(scope)]);
    return { ...capOf(strategy), active: active.length };
  }

  /** Sets a new active priority (planning.priority.set v1), within the cap; past the soft limit the answer warns. */
  async set(identity: Identity, input: PriorityInput): Promise<PriorityOutcome> {
    const scope = scopeOf(identity);
    const strategy = await this.strategies.of(scope);
    const content = parseNewPriority(input, strategy.goals.map((goal) => goal.goalId));
    await this.refuseMissingEvidence(scope, content.evidence, []);
    const warnings = admitActive(capOf(strategy), (await this.priorities.activeOf(scope)).map(candidateOf));
    const now = new Date();
    const priorityId = randomUUID();
    const priority: PriorityRecord = {
      jurisdictionId: scope.jurisdictionId,
      priorityId,
      ...content,
      status: 'active',
      retiredReason: null,
      retiredAt: null,
      createdBy: identity.userId,
      createdAt: now,
      updatedAt: now,
    };
    const event = eventDraft(PrioritySetV1, { aggregateId: priorityId, payload: stateOf(priorityId, content, strategy.goals) });
    return { priority: await this.priorities.create(priority, [event], changeBy(identity, 'set', now)), warnings };
  }

  /**
   * Changes what is given (planning.priority.changed v1 names the fields);
   * status ACTIVE brings a retired priority back, within the cap. Only
   * evidence links added now are checked against the registry: a record
   * removed since it was linked does not block correcting the title.
   */
  async change(identity: Identity, priorityId: string, input: PriorityChangeInput): Promise<PriorityOutcome> {
    const scope = scopeOf(identity);
    const before = await this.priorities.get(scope, priorityId);
    if (!before) throw new NotFoundError('Priority', priorityId);
    const strategy = await this.strategies.of(scope);
    const { content, reactivate } = parsePriorityChange(input, before, strategy.goals.map((goal) => goal.goalId));
    await this.refuseMissingEvidence(scope, content.evidence, before.evidence);
    const comesBack = reactivate && before.status === 'retired';
    const warnings = comesBack
      ? admitActive(capOf(strategy), (await this.priorities.activeOf(scope)).filter((p) => p.priorityId !== priorityId).map(candidateOf))
      : [];
    const changed = [...changedFields(before, content), ...(comesBack ? ['status'] : [])];
    if (changed.length === 0) return { priority: before, warnings };
    const set: Partial<PriorityRecord> = { ...content, ...(comesBack ? { status: 'active' as const, retiredReason: null, retiredAt: null } : {}) };
    const event = eventDraft(PriorityChangedV1, { aggregateId: priorityId, payload: { ...stateOf(priorityId, content, strategy.goals), changedFields: changed } });
    const saved = await this.priorities.update(scope, before, set, [event], changeBy(identity, comesBack ? 'reactivated' : 'changed'));
    if (!saved) throw changedMeanwhile(priorityId);
    return { priority: saved, warnings };
  }

  /** A KPI's current value; no event, since KPIs stay in planning. */
  async recordKpiProgress(identity: Identity, priorityId: string, kpiId: string, current: number): Promise<PriorityRecord> {
    const problems = new Problems();
    const value = readKpiValue(problems, 'current', current);
    problems.throwIfAny();
    const scope = scopeOf(identity);
    const before = await this.priorities.get(scope, priorityId);
    if (!before) throw new NotFoundError('Priority', priorityId);
    if (!before.kpis.some((kpi) => kpi.kpiId === kpiId)) throw ValidationError.forField('kpiId', `priority ${priorityId} has no KPI ${kpiId}; its KPIs are ${before.kpis.map((kpi) => kpi.kpiId).join(', ') || 'none'}`);
    const kpis = before.kpis.map((kpi) => (kpi.kpiId === kpiId ? { ...kpi, current: value } : kpi));
    const saved = await this.priorities.update(scope, before, { kpis }, [], changeBy(identity, 'kpi-progress-recorded'));
    if (!saved) throw changedMeanwhile(priorityId);
    return saved;
  }

  /** Retires an active priority (planning.priority.retired v1): it stops counting against the cap and steering anything. */
  async retire(identity: Identity, priorityId: string, reason: string | null | undefined): Promise<PriorityRecord> {
    const problems = new Problems();
    const why = readText(problems, 'reason', reason, { max: PRIORITY_LIMITS.reason });
    problems.throwIfAny();
    const scope = scopeOf(identity);
    const before = await this.priorities.get(scope, priorityId);
    if (!before) throw new NotFoundError('Priority', priorityId);
    if (before.status === 'retired') throw new ConflictError(`priority ${priorityId} is already retired; bring it back with changePriority(status: ACTIVE)`);
    const strategy = await this.strategies.of(scope);
    const now = new Date();
    const event = eventDraft(PriorityRetiredV1, { aggregateId: priorityId, payload: { ...stateOf(priorityId, before, strategy.goals), reason: why } });
    const saved = await this.priorities.update(scope, before, { status: 'retired', retiredReason: why, retiredAt: now }, [event], changeBy(identity, 'retired', now));
    if (!saved) throw changedMeanwhile(priorityId);
    return saved;
  }

  /**
   * Links to records the jurisdiction does not have are refused, naming
   * each: a record of another jurisdiction is answered exactly like one that
   * does not exist, so the refusal tells nothing about anyone else's registry.
   */
  private async refuseMissingEvidence(scope: TenantScope, evidence: readonly EvidenceLink[], alreadyLinked: readonly EvidenceLink[]): Promise<void> {
    const added = evidence.filter((link) => !alreadyLinked.some((old) => old.kind === link.kind && old.recordId === link.recordId));
    const missing = await this.registry.missingOf(scope, added);
    if (missing.length === 0) return;
    const problems = new Problems();
    evidence.forEach((link, index) => {
      if (missing.some((m) => m.kind === link.kind && m.recordId === link.recordId)) {
        problems.add(`evidence[${index}].recordId`, `no ${link.kind} ${link.recordId} in your jurisdiction's registry; link a record of your own (it may take a moment to arrive after it is recorded)`);
      }
    });
    problems.throwIfAny();
  }
}

function capOf(strategy: StrategyView): PriorityCap {
  return capFor(effectiveStaffFte(strategy), strategy.priorityCapOverride);
}

function candidateOf(priority: PriorityRecord): CapCandidate {
  return { priorityId: priority.priorityId, title: priority.title, evidenceCount: priority.evidence.length, kpiProgress: hasKpiProgress(priority.kpis), createdAt: priority.createdAt };
}

/**
 * The public state events carry. A retired priority whose goals have since
 * left the strategy still names a kind (the contract needs one): `custom`,
 * the kind that says nothing about which standard goal it was.
 */
function stateOf(priorityId: string, content: PriorityContent, goals: readonly LocalGoal[]): PriorityStateV1Payload {
  const kinds = [...new Set(goals.filter((goal) => content.goalIds.includes(goal.goalId)).map((goal) => goal.kind))];
  return {
    priorityId,
    title: content.title,
    focus: content.focus,
    goalKinds: kinds.length > 0 ? kinds : ['custom'],
    countries: content.targetCountries,
    sectors: content.sectors,
    themes: content.themes,
    sdgs: content.sdgs,
  };
}

function changeBy(identity: Identity, action: string, at: Date = new Date()): Change {
  return { actor: identity, action, at };
}

function changedMeanwhile(priorityId: string): ConflictError {
  return new ConflictError(`priority ${priorityId} was changed by someone else meanwhile; reload it and try again`);
}
