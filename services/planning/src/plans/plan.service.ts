import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ActivityChangedV2,
  ActivityCompletedV2,
  ActivityPlannedV2,
  ActivityReducedV2,
  PlanApprovedV1,
  PlanClosedV1,
  PlanSubmittedV1,
  type PlanStatus,
} from '@entente/contracts';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError, ValidationError } from '@entente/errors';
import { type Actor, type Change, type EventDraft, eventDraft, scopeOf, type TenantScope } from '@entente/persistence';
import { JurisdictionDirectory } from '@entente/service-runtime';
import { Problems, readChoice, readIsoDate, readNonNegativeNumber, readText } from '@entente/validation';
import { PriorityRepository } from '../priorities/priority.repository';
import { RegistryRecords } from '../registry-records/registry-records';
import { type ActivityInput, changedPlannedFields, parseActivity, type PlannedFields } from './activity.rules';
import { ActivityProgressRepository } from './activity-progress.repository';
import { activityState } from './activity-state';
import { type CapacityCheck, checkCapacity, remedyFor } from './capacity/capacity-check';
import { capacityTotals } from './capacity/capacity-totals';
import { planPeriod, planYearOf, PLAN_YEAR_MAX, PLAN_YEAR_MIN } from './fiscal-year';
import { copyForNextYear } from './plan-copy';
import { diffPlans, type PlanChange } from './plan-diff';
import { assertPlanTransition, editTarget } from './plan-lifecycle';
import { type Activity, type ActivityOrigin, type Decision, type PlanContent, REMEDY_KINDS, type RemedyKind, type SpecialOccasion } from './plan-content';
import { type BudgetLineInput, DEFAULT_OPPORTUNISTIC_ALLOWANCE, parsePlanSettings, type PlanSettingsInput, readBudgetLine } from './plan-settings.rules';
import { PlanVersionRepository, type PlanVersionSummary } from './plan.repository';
import { type ActivityProgressRecord, PROGRESS_STATUSES, type ProgressStatus, type PlanVersionRecord } from './plan.schema';

/** A plan holds at most this many activities; the capacity check is measured at 500. */
export const ACTIVITIES_MAX = 1000;
export const OCCASIONS_MAX = 100;
export const RATIONALE_MAX = 2000;
export const OUTCOMES_MAX = 4000;

/** A plan version as people read it: what happened to each activity laid over the plan, and the ties' anniversaries among the occasions. */
export interface PlanView {
  record: PlanVersionRecord;
  content: PlanContent;
}

export interface RemedyApplied {
  view: PlanView;
  decision: Decision;
  check: CapacityCheck;
}

@Injectable()
export class PlanService {
  constructor(
    private readonly plans: PlanVersionRepository,
    private readonly progress: ActivityProgressRepository,
    private readonly directory: JurisdictionDirectory,
    private readonly priorities: PriorityRepository,
    private readonly records: RegistryRecords,
  ) {}

  // Reading

  years(identity: Identity): Promise<PlanVersionSummary[]> {
    return this.plans.latestPerYear(scopeOf(identity));
  }

  versions(identity: Identity, year: number): Promise<PlanVersionSummary[]> {
    return this.plans.versions(scopeOf(identity), year);
  }

  /** A version of the year's plan; without a number, the latest. */
  async view(identity: Identity, year: number, version?: number | null): Promise<PlanView> {
    return this.viewOf(scopeOf(identity), await this.load(scopeOf(identity), year, version));
  }

  /** What a report reads: the version in force (approved, active or closed), else the latest draft. */
  async reportedVersion(identity: Identity, year: number): Promise<PlanView> {
    const scope = scopeOf(identity);
    return this.viewOf(scope, (await this.plans.inForce(scope, year)) ?? (await this.load(scope, year)));
  }

  /**
   * What the plan of the year a date falls in has left of own budget and
   * staff-days (the version in force, else the draft); null when there is no
   * plan for that year.
   */
  async capacityLeftOn(scope: TenantScope, date: string): Promise<{ year: number; currency: string; ownBudgetLeft: number; staffDaysLeft: number } | null> {
    const profile = await this.directory.find(scope);
    if (!profile) return null;
    const year = planYearOf(date, profile.fiscalYearStart);
    const record = (await this.plans.inForce(scope, year)) ?? (await this.plans.latest(scope, year));
    if (!record) return null;
    const totals = capacityTotals(withProgress(contentOf(record), await this.progress.ofYear(scope, year)));
    return { year, currency: record.currency, ownBudgetLeft: totals.available.own - totals.planned.own, staffDaysLeft: totals.staffDaysAvailable - totals.staffDaysPlanned };
  }

  /** The plan year a date falls in, for this jurisdiction's fiscal year. */
  async planYearOn(scope: TenantScope, date: string): Promise<number> {
    const profile = await this.directory.find(scope);
    return planYearOf(date, profile?.fiscalYearStart ?? '01-01');
  }

  async capacity(identity: Identity, year: number, version?: number | null): Promise<CapacityCheck> {
    const { content } = await this.view(identity, year, version);
    return checkCapacity(content, { priorityTitles: await this.priorityTitles(scopeOf(identity), content) });
  }

  async diff(identity: Identity, year: number, from: number, to: number): Promise<PlanChange[]> {
    const scope = scopeOf(identity);
    const [older, newer] = await Promise.all([this.load(scope, year, from), this.load(scope, year, to)]);
    return diffPlans(contentOf(older), contentOf(newer));
  }

  // Creating a plan year

  async create(identity: Identity, year: number, input: PlanSettingsInput): Promise<PlanView> {
    const scope = scopeOf(identity);
    const period = await this.periodOf(scope, year);
    const settings = parsePlanSettings(input, randomUUID);
    const content: PlanContent = {
      year,
      currency: period.currency,
      periodStart: period.start,
      periodEnd: period.end,
      budgetLines: settings.budgetLines ?? [],
      staffDaysAvailable: settings.staffDaysAvailable ?? 0,
      opportunisticAllowance: settings.opportunisticAllowance ?? DEFAULT_OPPORTUNISTIC_ALLOWANCE,
      occasions: [],
      activities: [],
    };
    return this.viewOf(scope, await this.plans.create(this.firstVersion(identity, content), [], this.change(identity, 'created')));
  }

  /**
   * Next year's draft from this year's plan: the version in force if there
   * is one (what was agreed), else the latest draft. Announces the carried
   * activities as planned.
   */
  async copyToNextYear(identity: Identity, fromYear: number): Promise<PlanView> {
    if (!Number.isInteger(fromYear) || fromYear < PLAN_YEAR_MIN || fromYear >= PLAN_YEAR_MAX) {
      throw ValidationError.forField('fromYear', `must be a year from ${PLAN_YEAR_MIN} to ${PLAN_YEAR_MAX - 1} (its next year is the plan made)`);
    }
    const scope = scopeOf(identity);
    const source = (await this.plans.inForce(scope, fromYear)) ?? (await this.load(scope, fromYear));
    const period = await this.periodOf(scope, fromYear + 1);
    const content = copyForNextYear(contentOf(source), { periodStart: period.start, periodEnd: period.end }, randomUUID);
    const events = content.activities.map((activity) => eventDraft(ActivityPlannedV2, { aggregateId: activity.activityId, payload: activityState(activity, content, 1) }));
    return this.viewOf(scope, await this.plans.create(this.firstVersion(identity, content), events, this.change(identity, `copied from ${fromYear}`)));
  }

  // Editing (in the draft, or a new draft version after approval)

  async updateSettings(identity: Identity, year: number, input: PlanSettingsInput): Promise<PlanView> {
    const settings = parsePlanSettings(input, randomUUID);
    return this.edit(scopeOf(identity), identity, year, 'settings-changed', (content) => ({ content: { ...content, ...settings }, events: [] }));
  }

  /**
   * An external funding line, e.g. a grant that was awarded. The funding
   * service's award event will call this (with its application as the
   * reference), as will a person typing it in.
   */
  async addFundingLine(scope: TenantScope, actor: Actor, year: number, input: BudgetLineInput): Promise<PlanView> {
    const problems = new Problems();
    const line = readBudgetLine(problems, 'line', { ...input, lineId: undefined }, randomUUID, 'external');
    problems.throwIfAny();
    return this.edit(scope, actor, year, 'funding-line-added', (content) => ({ content: { ...content, budgetLines: [...content.budgetLines, line] }, events: [] }));
  }

  /**
   * An external funding line that another service announces (an award, its
   * application id as `fundingReference`), added once: false when the year's
   * latest version already holds a line of that reference. A concurrent add
   * of the same reference loses on the plan's revision (CONFLICT) and finds
   * the line when retried.
   */
  async addFundingLineOnce(scope: TenantScope, actor: Actor, year: number, input: BudgetLineInput & { fundingReference: string }): Promise<boolean> {
    const holds = (content: PlanContent): boolean => content.budgetLines.some((line) => line.fundingReference === input.fundingReference);
    if (holds(contentOf(await this.load(scope, year)))) return false;
    const problems = new Problems();
    const line = readBudgetLine(problems, 'line', { ...input, lineId: undefined }, randomUUID, 'external');
    problems.throwIfAny();
    await this.edit(scope, actor, year, 'funding-line-added', (content) => {
      if (holds(content)) throw new ConflictError(`plan ${year} already holds the funding line ${input.fundingReference}`);
      return { content: { ...content, budgetLines: [...content.budgetLines, line] }, events: [] };
    });
    return true;
  }

  addActivity(identity: Identity, year: number, input: ActivityInput): Promise<PlanView> {
    return this.proposeActivity(scopeOf(identity), identity, year, input, null);
  }

  /**
   * Adds an activity to the year's working draft. `origin` says where it came
   * from when a person did not type it in: an accepted visit request, or (the
   * network service's event, through proposeActivityOnce) a joint effort the jurisdiction joined.
   */
  async proposeActivity(scope: TenantScope, actor: Actor, year: number, input: ActivityInput, origin: ActivityOrigin | null): Promise<PlanView> {
    return this.insertActivity(scope, actor, year, input, origin, () => undefined);
  }

  /**
   * An activity another service announces (a joint effort the jurisdiction
   * joined, its effort as the origin's reference), proposed once: false when
   * the year's latest version already holds an activity of that origin. A
   * concurrent proposal of the same origin loses on the plan's revision
   * (CONFLICT) and finds the activity when retried.
   */
  async proposeActivityOnce(scope: TenantScope, actor: Actor, year: number, input: ActivityInput, origin: ActivityOrigin): Promise<boolean> {
    const holds = (content: PlanContent): boolean => content.activities.some((a) => a.origin?.kind === origin.kind && a.origin.reference === origin.reference);
    if (holds(contentOf(await this.load(scope, year)))) return false;
    await this.insertActivity(scope, actor, year, input, origin, (content) => {
      if (holds(content)) throw new ConflictError(`plan ${year} already holds the activity of ${origin.kind} ${origin.reference}`);
    });
    return true;
  }

  /** The first and last day of a plan year of the jurisdiction (its fiscal year). */
  async planPeriod(scope: TenantScope, year: number): Promise<{ start: string; end: string }> {
    const { start, end } = await this.periodOf(scope, year);
    return { start, end };
  }

  private async insertActivity(scope: TenantScope, actor: Actor, year: number, input: ActivityInput, origin: ActivityOrigin | null, check: (content: PlanContent) => void): Promise<PlanView> {
    const period = await this.load(scope, year);
    const planned = parseActivity(input, period);
    await this.checkLinks(scope, planned);
    const activity: Activity = {
      activityId: randomUUID(),
      ...planned,
      status: 'planned',
      outcomes: null,
      actualCost: null,
      actualStaffDays: null,
      jointEffortProposed: false,
      origin,
    };
    return this.edit(scope, actor, year, 'activity-added', (content, version) => {
      check(content);
      if (content.activities.length >= ACTIVITIES_MAX) throw ValidationError.forField('activities', `a plan holds at most ${ACTIVITIES_MAX} activities`);
      return {
        content: { ...content, activities: [...content.activities, activity] },
        events: [eventDraft(ActivityPlannedV2, { aggregateId: activity.activityId, payload: activityState(activity, content, version) })],
      };
    });
  }

  async updateActivity(identity: Identity, year: number, activityId: string, input: ActivityInput): Promise<PlanView> {
    const scope = scopeOf(identity);
    const latest = await this.load(scope, year);
    const current = findActivity(latest, activityId);
    const planned = parseActivity(input, latest, current);
    await this.checkLinks(scope, planned);
    const changed = changedPlannedFields(current, planned);
    if (changed.length === 0) return this.viewOf(scope, latest);
    return this.edit(scope, identity, year, 'activity-changed', (content, version) => {
      const after = { ...findActivity(content, activityId), ...planned };
      return {
        content: replaceActivity(content, after),
        events: [eventDraft(ActivityChangedV2, { aggregateId: activityId, payload: { ...activityState(after, content, version), changedFields: changed } })],
      };
    });
  }

  /** Takes an activity out of the draft (the diff names it); once a plan is approved, cancelling it through its progress is the usual way. */
  removeActivity(identity: Identity, year: number, activityId: string): Promise<PlanView> {
    return this.edit(scopeOf(identity), identity, year, 'activity-removed', (content, version) => {
      const removed = findActivity(content, activityId);
      const after = { ...removed, status: 'cancelled' as const };
      return {
        content: { ...content, activities: content.activities.filter((a) => a.activityId !== activityId) },
        events: [eventDraft(ActivityChangedV2, { aggregateId: activityId, payload: { ...activityState(after, content, version), changedFields: ['status'] } })],
      };
    });
  }

  addOccasion(identity: Identity, year: number, input: { date?: unknown; title?: unknown }): Promise<PlanView> {
    return this.edit(scopeOf(identity), identity, year, 'occasion-added', (content) => {
      const problems = new Problems();
      const date = readIsoDate(problems, 'date', input.date, true);
      const title = readText(problems, 'title', input.title, { max: 200, required: true, singleLine: true });
      if (date !== null && (date < content.periodStart || date > content.periodEnd)) problems.add('date', `must lie within plan year ${year} (${content.periodStart} to ${content.periodEnd})`);
      if (content.occasions.length >= OCCASIONS_MAX) problems.add('occasions', `a plan holds at most ${OCCASIONS_MAX} occasions`);
      problems.throwIfAny();
      const occasion: SpecialOccasion = { occasionId: randomUUID(), date: date as string, title: title as string, kind: 'added', relationshipId: null };
      return { content: { ...content, occasions: [...content.occasions, occasion] }, events: [] };
    });
  }

  removeOccasion(identity: Identity, year: number, occasionId: string): Promise<PlanView> {
    return this.edit(scopeOf(identity), identity, year, 'occasion-removed', (content) => {
      if (!content.occasions.some((o) => o.occasionId === occasionId)) throw new NotFoundError('Occasion', occasionId);
      return { content: { ...content, occasions: content.occasions.filter((o) => o.occasionId !== occasionId) }, events: [] };
    });
  }

  /**
   * Applies one remedy of the capacity check to one activity and records the
   * decision with its rationale and who took it. Reducing is a decision, not
   * a cancellation: the activity stays in the plan, marked reduced or
   * postponed, and says so in its event.
   */
  async applyRemedy(identity: Identity, year: number, input: { kind?: unknown; activityId?: string; rationale?: unknown }): Promise<RemedyApplied> {
    const problems = new Problems();
    const kind = readChoice(problems, 'kind', input.kind, REMEDY_KINDS) as RemedyKind;
    const rationale = readText(problems, 'rationale', input.rationale, { max: RATIONALE_MAX, required: true }) as string;
    problems.throwIfAny();
    const scope = scopeOf(identity);
    const progress = await this.progress.ofYear(scope, year);
    const titles = await this.priorityTitles(scope, contentOf(await this.load(scope, year)));
    let decision: Decision | undefined;
    const view = await this.edit(scope, identity, year, `remedy ${kind}`, (content, version) => {
      const remedy = remedyFor(withProgress(content, progress), kind, input.activityId ?? '', { priorityTitles: titles });
      const stored = findActivity(content, remedy.activityId);
      const after: Activity = {
        ...stored,
        frequency: remedy.after.frequency,
        cycleYear: remedy.after.cycleYear,
        mode: remedy.after.mode,
        costPerOccurrence: remedy.after.costPerOccurrence,
        staffDaysPerOccurrence: remedy.after.staffDaysPerOccurrence,
        jointEffortProposed: remedy.after.jointEffortProposed,
        status: kind === 'reduce-frequency' ? 'reduced' : kind === 'postpone' ? 'postponed' : stored.status,
      };
      decision = {
        decisionId: randomUUID(),
        kind,
        activityId: stored.activityId,
        summary: remedy.summary,
        rationale,
        takenBy: identity.username,
        takenAt: new Date(),
        costDelta: remedy.costDelta,
        staffDaysDelta: remedy.staffDaysDelta,
      };
      const state = activityState(after, content, version);
      const event =
        kind === 'external-funding'
          ? eventDraft(ActivityChangedV2, { aggregateId: stored.activityId, payload: { ...state, changedFields: ['costPerOccurrence'] } })
          : eventDraft(ActivityReducedV2, { aggregateId: stored.activityId, payload: { ...state, remedy: kind, rationale } });
      return { content: replaceActivity(content, after), events: [event], decisions: [decision] };
    });
    return { view, decision: decision as Decision, check: checkCapacity(view.content, { priorityTitles: titles }) };
  }

  // Progress (what happened; not an edit of the plan)

  async recordProgress(
    identity: Identity,
    year: number,
    activityId: string,
    input: { status?: unknown; outcomes?: unknown; actualCost?: unknown; actualStaffDays?: unknown; doneOn?: unknown },
  ): Promise<PlanView> {
    const scope = scopeOf(identity);
    const version = (await this.plans.inForce(scope, year)) ?? (await this.load(scope, year));
    const activity = findActivity(version, activityId);
    const before = await this.progress.find(scope, year, activityId);
    const problems = new Problems();
    const status = input.status === undefined ? (before?.status ?? null) : input.status === null ? null : readChoice(problems, 'status', input.status, PROGRESS_STATUSES);
    const outcomes = input.outcomes === undefined ? (before?.outcomes ?? null) : readText(problems, 'outcomes', input.outcomes, { max: OUTCOMES_MAX });
    const actualCost = input.actualCost === undefined || input.actualCost === null ? (input.actualCost === null ? null : (before?.actualCost ?? null)) : readNonNegativeNumber(problems, 'actualCost', input.actualCost);
    const actualStaffDays =
      input.actualStaffDays === undefined || input.actualStaffDays === null ? (input.actualStaffDays === null ? null : (before?.actualStaffDays ?? null)) : readNonNegativeNumber(problems, 'actualStaffDays', input.actualStaffDays);
    let doneOn = input.doneOn === undefined ? (before?.doneOn ?? null) : readIsoDate(problems, 'doneOn', input.doneOn);
    problems.throwIfAny();
    if (status === 'done' && doneOn === null) doneOn = activity.windowEnd ?? activity.windowStart ?? new Date().toISOString().slice(0, 10);
    const now = new Date();
    const after: ActivityProgressRecord = {
      jurisdictionId: scope.jurisdictionId,
      year,
      activityId,
      status: status as ProgressStatus | null,
      outcomes,
      actualCost,
      actualStaffDays,
      doneOn,
      updatedBy: identity.username,
      updatedAt: now,
    };
    const events: EventDraft[] = [];
    if (status !== (before?.status ?? null)) {
      const state = activityState({ ...activity, status: status ?? activity.status }, version, version.version);
      events.push(
        status === 'done'
          ? eventDraft(ActivityCompletedV2, { aggregateId: activityId, payload: state })
          : eventDraft(ActivityChangedV2, { aggregateId: activityId, payload: { ...state, changedFields: ['status'] } }),
      );
    }
    await this.progress.save(scope, before, after, events, { actor: identity, action: 'progress-recorded', at: now });
    return this.viewOf(scope, version);
  }

  // The lifecycle

  /** A jurisdiction-admin puts the draft before the executive. */
  async submit(identity: Identity, year: number): Promise<PlanView> {
    const scope = scopeOf(identity);
    const latest = await this.load(scope, year);
    assertPlanTransition(year, latest.version, latest.status, 'in-review');
    const now = new Date();
    const event = eventDraft(PlanSubmittedV1, { aggregateId: String(year), payload: planState(latest) });
    return this.transition(scope, latest, { status: 'in-review', submittedBy: identity.username, submittedAt: now, returnedReason: null }, [event], this.change(identity, 'submitted'));
  }

  /** The executive sends a version in review back to draft, saying why. */
  async returnToDraft(identity: Identity, year: number, reason: unknown): Promise<PlanView> {
    const problems = new Problems();
    const why = readText(problems, 'reason', reason, { max: RATIONALE_MAX, required: true });
    problems.throwIfAny();
    const scope = scopeOf(identity);
    const latest = await this.load(scope, year);
    assertPlanTransition(year, latest.version, latest.status, 'draft');
    return this.transition(scope, latest, { status: 'draft', returnedReason: why }, [], this.change(identity, 'returned'));
  }

  /**
   * The executive signs off one numbered version (the one in review): it
   * becomes the plan in force and never changes again. The version it
   * replaces is superseded; if that one was already active, the new one
   * is active at once.
   */
  async approve(identity: Identity, year: number, version: number): Promise<PlanView> {
    const scope = scopeOf(identity);
    const target = await this.load(scope, year, version);
    const latest = await this.load(scope, year);
    if (latest.version !== target.version) throw new ConflictError(`plan ${year} version ${version} is not the latest (version ${latest.version} is); approve the latest version`);
    assertPlanTransition(year, version, target.status, 'approved');
    const previous = await this.plans.inForce(scope, year);
    const now = new Date();
    const status: PlanStatus = previous?.status === 'active' ? 'active' : 'approved';
    const event = eventDraft(PlanApprovedV1, { aggregateId: String(year), payload: { ...planState(target), approvedBy: identity.username } });
    const view = await this.transition(scope, target, { status, approvedBy: identity.username, approvedAt: now }, [event], this.change(identity, `approved version ${version}`));
    if (previous) await this.plans.supersede(scope, previous, this.change(identity, `superseded by version ${version}`));
    return view;
  }

  async activate(identity: Identity, year: number): Promise<PlanView> {
    const scope = scopeOf(identity);
    await this.load(scope, year);
    const inForce = await this.plans.inForce(scope, year);
    if (!inForce) throw new ConflictError(`plan ${year} has no approved version yet; an executive approves one first`);
    assertPlanTransition(year, inForce.version, inForce.status, 'active');
    return this.transition(scope, inForce, { status: 'active' }, [], this.change(identity, 'activated'));
  }

  async close(identity: Identity, year: number): Promise<PlanView> {
    const scope = scopeOf(identity);
    await this.load(scope, year);
    const inForce = await this.plans.inForce(scope, year);
    if (!inForce) throw new ConflictError(`plan ${year} has no approved version to close`);
    assertPlanTransition(year, inForce.version, inForce.status, 'closed');
    const event = eventDraft(PlanClosedV1, { aggregateId: String(year), payload: planState(inForce) });
    return this.transition(scope, inForce, { status: 'closed' }, [event], this.change(identity, 'closed'));
  }

  // Internals

  private async transition(scope: TenantScope, before: PlanVersionRecord, set: Partial<PlanVersionRecord>, events: EventDraft[], change: Change): Promise<PlanView> {
    const saved = await this.plans.write(scope, before, set, events, change);
    if (!saved) throw new ConflictError(`plan ${before.year} version ${before.version} changed meanwhile; reload it and try again`);
    return this.viewOf(scope, saved);
  }

  /**
   * Every edit goes through here: into the latest version while it is a
   * draft, or into the next version, a draft copied from the approved one,
   * which stays as it was approved.
   */
  private async edit(
    scope: TenantScope,
    actor: Actor,
    year: number,
    action: string,
    apply: (content: PlanContent, version: number) => { content: PlanContent; events: EventDraft[]; decisions?: Decision[] },
  ): Promise<PlanView> {
    const latest = await this.load(scope, year);
    const target = editTarget(year, latest);
    const { content, events, decisions = [] } = apply(contentOf(latest), target.version);
    const change: Change = { actor, action, at: new Date() };
    const fields = { ...contentOf({ ...latest, ...content }), decisions: [...latest.decisions, ...decisions] };
    if (target.kind === 'in-place') {
      const saved = await this.plans.write(scope, latest, fields, events, change);
      if (!saved) throw new ConflictError(`plan ${year} changed meanwhile; reload it and try again`);
      return this.viewOf(scope, saved);
    }
    const next: PlanVersionRecord = {
      ...latest,
      ...fields,
      version: target.version,
      status: 'draft',
      revision: 0,
      basedOnVersion: latest.version,
      submittedBy: null,
      submittedAt: null,
      approvedBy: null,
      approvedAt: null,
      returnedReason: null,
      createdBy: actor.userId,
      createdAt: change.at,
      updatedAt: change.at,
    };
    return this.viewOf(scope, await this.plans.create(withoutStorage(next), events, change));
  }

  private async load(scope: TenantScope, year: number, version?: number | null): Promise<PlanVersionRecord> {
    if (!Number.isInteger(year) || year < PLAN_YEAR_MIN || year > PLAN_YEAR_MAX) throw ValidationError.forField('year', `must be a year from ${PLAN_YEAR_MIN} to ${PLAN_YEAR_MAX}`);
    const found = version === undefined || version === null ? await this.plans.latest(scope, year) : await this.plans.get(scope, year, version);
    if (!found) throw new NotFoundError('Plan', version ? `${year} version ${version}` : String(year));
    return found;
  }

  private async viewOf(scope: TenantScope, record: PlanVersionRecord): Promise<PlanView> {
    const [progress, anniversaries] = await Promise.all([this.progress.ofYear(scope, record.year), this.records.anniversariesBetween(scope, record.periodStart, record.periodEnd)]);
    const content = withProgress(contentOf(record), progress);
    const found: SpecialOccasion[] = anniversaries.map((a) => ({
      occasionId: `anniversary-${a.relationshipId}-${a.years}`,
      date: a.date,
      title: `${a.years} years of the tie with ${a.partnerName}`,
      kind: 'anniversary',
      relationshipId: a.relationshipId,
    }));
    content.occasions = [...found, ...content.occasions].sort((a, b) => a.date.localeCompare(b.date));
    return { record, content };
  }

  private async periodOf(scope: TenantScope, year: number): Promise<{ start: string; end: string; currency: string }> {
    if (!Number.isInteger(year) || year < PLAN_YEAR_MIN || year > PLAN_YEAR_MAX) throw ValidationError.forField('year', `must be a year from ${PLAN_YEAR_MIN} to ${PLAN_YEAR_MAX}`);
    const profile = await this.directory.find(scope);
    if (!profile) throw new ConflictError('planning has not received your jurisdiction’s profile (fiscal year, currency) from the registry yet; try again in a minute');
    return { ...planPeriod(year, profile.fiscalYearStart), currency: profile.currency };
  }

  /** Priorities must be the jurisdiction's and active; partners must be its partners (from planning's read model of the registry). */
  private async checkLinks(scope: TenantScope, planned: PlannedFields): Promise<void> {
    const problems = new Problems();
    if (planned.priorityIds.length) {
      const found = await this.priorities.byIds(scope, planned.priorityIds);
      planned.priorityIds.forEach((id, index) => {
        const priority = found.find((p) => p.priorityId === id);
        if (!priority) problems.add(`priorityIds[${index}]`, `no priority ${id} in your jurisdiction`);
        else if (priority.status !== 'active') problems.add(`priorityIds[${index}]`, `priority “${priority.title}” is retired; choose an active priority`);
      });
    }
    if (planned.partnerIds.length) {
      const missing = await this.records.missingOf(scope, planned.partnerIds.map((recordId) => ({ kind: 'partner' as const, recordId })));
      planned.partnerIds.forEach((id, index) => {
        if (missing.some((m) => m.recordId === id)) problems.add(`partnerIds[${index}]`, `no partner ${id} in your jurisdiction; register the partner first`);
      });
    }
    problems.throwIfAny();
  }

  /** The titles of the priorities a plan's activities serve, for what a person reads. */
  private async priorityTitles(scope: TenantScope, content: PlanContent): Promise<Map<string, string>> {
    const ids = [...new Set(content.activities.flatMap((a) => a.priorityIds))];
    return new Map((await this.priorities.byIds(scope, ids)).map((p) => [p.priorityId, p.title]));
  }

  private firstVersion(identity: Identity, content: PlanContent): PlanVersionRecord {
    const now = new Date();
    return {
      jurisdictionId: identity.jurisdictionId,
      ...content,
      version: 1,
      status: 'draft',
      revision: 0,
      basedOnVersion: null,
      decisions: [],
      submittedBy: null,
      submittedAt: null,
      approvedBy: null,
      approvedAt: null,
      returnedReason: null,
      createdBy: identity.userId,
      createdAt: now,
      updatedAt: now,
    };
  }

  private change(actor: Actor, action: string): Change {
    return { actor, action, at: new Date() };
  }
}

/** The editable content of a stored version. */
export function contentOf(record: PlanContent): PlanContent {
  return {
    year: record.year,
    currency: record.currency,
    periodStart: record.periodStart,
    periodEnd: record.periodEnd,
    budgetLines: record.budgetLines,
    staffDaysAvailable: record.staffDaysAvailable,
    opportunisticAllowance: record.opportunisticAllowance,
    occasions: record.occasions,
    activities: record.activities,
  };
}

/** Progress laid over the plan: confirmed, done or cancelled, outcomes and actuals. */
export function withProgress(content: PlanContent, progress: readonly ActivityProgressRecord[]): PlanContent {
  if (progress.length === 0) return { ...content, activities: [...content.activities], occasions: [...content.occasions] };
  const byId = new Map(progress.map((p) => [p.activityId, p]));
  return {
    ...content,
    occasions: [...content.occasions],
    activities: content.activities.map((activity) => {
      const found = byId.get(activity.activityId);
      if (!found) return activity;
      return { ...activity, status: found.status ?? activity.status, outcomes: found.outcomes, actualCost: found.actualCost, actualStaffDays: found.actualStaffDays };
    }),
  };
}

/** A stored version copied for the next one, without what storage added (its _id, _outbox, _history). */
function withoutStorage(record: PlanVersionRecord): PlanVersionRecord {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('_'))) as unknown as PlanVersionRecord;
}

function findActivity(content: PlanContent, activityId: string): Activity {
  const found = content.activities.find((a) => a.activityId === activityId);
  if (!found) throw new NotFoundError('Activity', activityId);
  return found;
}

function replaceActivity(content: PlanContent, after: Activity): PlanContent {
  return { ...content, activities: content.activities.map((a) => (a.activityId === after.activityId ? after : a)) };
}

function planState(record: PlanVersionRecord) {
  const totals = capacityTotals(record);
  return {
    year: record.year,
    version: record.version,
    periodStart: record.periodStart,
    periodEnd: record.periodEnd,
    currency: record.currency,
    activityCount: record.activities.length,
    plannedCost: totals.plannedTotal,
    availableBudget: totals.availableTotal,
    plannedStaffDays: totals.staffDaysPlanned,
    availableStaffDays: totals.staffDaysAvailable,
  };
}
