import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { isIsoCountryCode } from '@entente/contracts';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError } from '@entente/errors';
import { type Page, type PageArgs, scopeOf, type Stored } from '@entente/persistence';
import { Problems, readIsoDate, readNonNegativeNumber, readText } from '@entente/validation';
import { PlanService } from '../plans/plan.service';
import { PriorityRepository } from '../priorities/priority.repository';
import { scoreVisit } from './visit-fit';
import { VisitRequestRepository } from './visit-request.repository';
import type { VisitRequestRecord, VisitRequestStatus } from './visit-request.schema';

export const VISIT_TEXT_MAX = 200;
export const VISIT_PURPOSE_MAX = 2000;
/** Without an estimate, hosting a delegation takes three staff-days and costs nothing beyond them. */
export const DEFAULT_HOSTING_STAFF_DAYS = 3;

export interface VisitRequestInput {
  visitor?: unknown;
  organisation?: unknown;
  country?: unknown;
  sector?: unknown;
  purpose?: unknown;
  dateStart?: unknown;
  dateEnd?: unknown;
  delegationSize?: unknown;
  estimatedCost?: unknown;
  estimatedStaffDays?: unknown;
}

/**
 * Incoming visit requests (Wales): each is scored on arrival against the
 * active priorities and the remaining capacity of the plan of its year;
 * accepting one puts a hosted visit into that plan, declining keeps the reason.
 */
@Injectable()
export class VisitRequestService {
  constructor(
    private readonly requests: VisitRequestRepository,
    private readonly priorities: PriorityRepository,
    private readonly plans: PlanService,
  ) {}

  async record(identity: Identity, input: VisitRequestInput): Promise<VisitRequestRecord> {
    const problems = new Problems();
    const visitor = readText(problems, 'visitor', input.visitor, { max: VISIT_TEXT_MAX, required: true, singleLine: true });
    const organisation = readText(problems, 'organisation', input.organisation, { max: VISIT_TEXT_MAX, singleLine: true });
    const countryText = typeof input.country === 'string' ? input.country.trim().toUpperCase() : input.country;
    if (!isIsoCountryCode(countryText)) problems.add('country', 'must be an ISO 3166-1 alpha-2 country code such as DK');
    const sector = readText(problems, 'sector', input.sector, { max: VISIT_TEXT_MAX, singleLine: true });
    const purpose = readText(problems, 'purpose', input.purpose, { max: VISIT_PURPOSE_MAX, required: true });
    const dateStart = readIsoDate(problems, 'dateStart', input.dateStart, true);
    const dateEnd = readIsoDate(problems, 'dateEnd', input.dateEnd ?? input.dateStart, true);
    if (dateStart && dateEnd && dateEnd < dateStart) problems.add('dateEnd', 'must not be before dateStart');
    let delegationSize: number | null = null;
    if (input.delegationSize !== undefined && input.delegationSize !== null) {
      if (typeof input.delegationSize !== 'number' || !Number.isInteger(input.delegationSize) || input.delegationSize < 1 || input.delegationSize > 10_000) {
        problems.add('delegationSize', 'must be a whole number from 1 to 10000');
      } else delegationSize = input.delegationSize;
    }
    const estimatedCost = input.estimatedCost === undefined || input.estimatedCost === null ? 0 : readNonNegativeNumber(problems, 'estimatedCost', input.estimatedCost);
    const estimatedStaffDays =
      input.estimatedStaffDays === undefined || input.estimatedStaffDays === null ? DEFAULT_HOSTING_STAFF_DAYS : readNonNegativeNumber(problems, 'estimatedStaffDays', input.estimatedStaffDays);
    if (estimatedStaffDays !== null && estimatedStaffDays > 366) problems.add('estimatedStaffDays', 'must be at most 366');
    problems.throwIfAny();
    const scope = scopeOf(identity);
    const [active, capacity] = await Promise.all([this.priorities.activeOf(scope), this.plans.capacityLeftOn(scope, dateStart as string)]);
    const facts = { country: countryText as string, sector, purpose: purpose as string, estimatedCost: estimatedCost as number, estimatedStaffDays: estimatedStaffDays as number };
    const fit = scoreVisit(
      facts,
      active.map((p) => ({ priorityId: p.priorityId, title: p.title, countries: p.targetCountries, sectors: p.sectors, themes: p.themes })),
      capacity,
    );
    const now = new Date();
    const record: VisitRequestRecord = {
      jurisdictionId: identity.jurisdictionId,
      requestId: randomUUID(),
      visitor: visitor as string,
      organisation,
      ...facts,
      dateStart: dateStart as string,
      dateEnd: dateEnd as string,
      delegationSize,
      status: 'received',
      score: fit.score,
      explanation: fit.explanation,
      priorityId: fit.priorityId,
      declineReason: null,
      activityId: null,
      planYear: null,
      decidedBy: null,
      decidedAt: null,
      createdBy: identity.userId,
      createdAt: now,
      updatedAt: now,
    };
    return this.requests.create(record, { actor: identity, action: 'received', at: now });
  }

  list(identity: Identity, args: PageArgs, status?: VisitRequestStatus): Promise<Page<VisitRequestRecord & Stored>> {
    return this.requests.list(scopeOf(identity), args, status);
  }

  async get(identity: Identity, requestId: string): Promise<VisitRequestRecord> {
    const found = await this.requests.get(scopeOf(identity), requestId);
    if (!found) throw new NotFoundError('Visit request', requestId);
    return found;
  }

  /**
   * Accepts a request: a hosted-visit activity goes into the draft of the
   * plan of the visit's year (serving the priority the fit was best on), and
   * the request remembers it.
   */
  async accept(identity: Identity, requestId: string): Promise<VisitRequestRecord> {
    const scope = scopeOf(identity);
    const request = await this.undecided(identity, requestId);
    const year = await this.plans.planYearOn(scope, request.dateStart);
    const view = await this.plans.proposeActivity(
      scope,
      identity,
      year,
      {
        title: `Hosted visit: ${request.visitor}`.slice(0, 200),
        type: 'hosted-visit',
        country: request.country,
        windowStart: request.dateStart,
        windowEnd: request.dateEnd,
        priorityIds: request.priorityId ? [request.priorityId] : [],
        costPerOccurrence: { own: request.estimatedCost },
        staffDaysPerOccurrence: request.estimatedStaffDays,
      },
      { kind: 'visit-request', reference: request.requestId },
    );
    const activity = view.content.activities.find((a) => a.origin?.kind === 'visit-request' && a.origin.reference === request.requestId);
    const now = new Date();
    const decided = await this.requests.decide(scope, request, { status: 'accepted', activityId: activity?.activityId ?? null, planYear: year, decidedBy: identity.username, decidedAt: now }, { actor: identity, action: 'accepted', at: now });
    if (!decided) throw new ConflictError(`visit request ${requestId} was decided meanwhile; reload it`);
    return decided;
  }

  async decline(identity: Identity, requestId: string, reason: unknown): Promise<VisitRequestRecord> {
    const problems = new Problems();
    const why = readText(problems, 'reason', reason, { max: VISIT_PURPOSE_MAX, required: true });
    problems.throwIfAny();
    const request = await this.undecided(identity, requestId);
    const now = new Date();
    const decided = await this.requests.decide(scopeOf(identity), request, { status: 'declined', declineReason: why, decidedBy: identity.username, decidedAt: now }, { actor: identity, action: 'declined', at: now });
    if (!decided) throw new ConflictError(`visit request ${requestId} was decided meanwhile; reload it`);
    return decided;
  }

  private async undecided(identity: Identity, requestId: string): Promise<VisitRequestRecord> {
    const request = await this.get(identity, requestId);
    if (request.status !== 'received') throw new ConflictError(`visit request ${requestId} was already ${request.status}`);
    return request;
  }
}
