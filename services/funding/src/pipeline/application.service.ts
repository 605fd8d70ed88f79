import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApplicationAwardedV1 } from '@entente/contracts';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError } from '@entente/errors';
import { type EventDraft, eventDraft, type HistoryEntry, type Page, type PageArgs, scopeOf, type Stored, type TenantScope } from '@entente/persistence';
import { JurisdictionDirectory } from '@entente/service-runtime';
import { type ApplicationStage, assertStageMove } from './application-stages';
import { type ApplicationInput, parseApplication, parseApplicationChanges, parseStageMove, type StageMoveInput } from './application.rules';
import { FundingApplicationRepository } from './application.repository';
import type { FundingApplicationRecord } from './application.schema';

/** The calendar date it is now in a time zone (`YYYY-MM-DD`). */
export function todayIn(timeZone: string, now: Date): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/**
 * A jurisdiction's funding pipeline: applications from interest to a
 * decision. Staff and jurisdiction-admins edit, every role of the
 * jurisdiction reads. An award commits with its event, which planning turns
 * into an external funding line of the year's plan.
 */
@Injectable()
export class FundingApplicationService {
  constructor(
    private readonly applications: FundingApplicationRepository,
    private readonly directory: JurisdictionDirectory,
  ) {}

  async add(identity: Identity, input: ApplicationInput): Promise<FundingApplicationRecord> {
    const fields = parseApplication(input);
    const now = new Date();
    const record: FundingApplicationRecord = {
      jurisdictionId: identity.jurisdictionId,
      applicationId: randomUUID(),
      ...fields,
      stage: 'interested',
      amountAwarded: null,
      amountAwardedLocal: null,
      awardedOn: null,
      planYear: null,
      reason: null,
      reasonNote: null,
      revision: 0,
      stageChangedAt: now,
      createdBy: identity.userId,
      createdAt: now,
      updatedAt: now,
    };
    return this.applications.create(record, { actor: identity, action: 'added', at: now });
  }

  list(identity: Identity, args: PageArgs, stage?: ApplicationStage): Promise<Page<FundingApplicationRecord & Stored>> {
    return this.applications.list(scopeOf(identity), args, stage);
  }

  get(identity: Identity, applicationId: string): Promise<FundingApplicationRecord> {
    return this.load(scopeOf(identity), applicationId);
  }

  async history(identity: Identity, applicationId: string): Promise<HistoryEntry[]> {
    const entries = await this.applications.history(scopeOf(identity), applicationId);
    if (entries === null) throw new NotFoundError('Funding application', applicationId);
    return entries;
  }

  async update(identity: Identity, applicationId: string, input: ApplicationInput): Promise<FundingApplicationRecord> {
    const changes = parseApplicationChanges(input);
    const scope = scopeOf(identity);
    const before = await this.load(scope, applicationId);
    if (Object.keys(changes).length === 0) return before;
    return this.write(scope, before, changes, [], identity, 'updated');
  }

  /**
   * Moves an application to another stage, if the pipeline allows it from
   * where it stands (CONFLICT says where it can go). An award is announced
   * in the same write.
   */
  async move(identity: Identity, applicationId: string, input: StageMoveInput): Promise<FundingApplicationRecord> {
    const scope = scopeOf(identity);
    const before = await this.load(scope, applicationId);
    const profile = await this.directory.find(scope);
    if (!profile) throw new ConflictError('funding has not received your jurisdiction’s profile (currency, time zone) from the registry yet; try again in a minute');
    const move = parseStageMove(input, { localCurrency: profile.currency, today: todayIn(profile.timeZone, new Date()) });
    assertStageMove(before.title, before.stage, move.stage);
    const events: EventDraft[] = [];
    if (move.stage === 'awarded' && move.amountAwarded && move.amountAwardedLocal !== null && move.awardedOn) {
      events.push(
        eventDraft(ApplicationAwardedV1, {
          aggregateId: before.applicationId,
          payload: {
            applicationId: before.applicationId,
            opportunityId: before.opportunityId,
            title: before.title,
            funder: before.funder,
            awardedOn: move.awardedOn,
            planYear: move.planYear,
            amount: move.amountAwarded.amount,
            currency: move.amountAwarded.currency,
            amountLocal: move.amountAwardedLocal,
            localCurrency: profile.currency,
          },
        }),
      );
    }
    return this.write(scope, before, { ...move, stageChangedAt: new Date() }, events, identity, `moved to ${move.stage}`);
  }

  private async write(scope: TenantScope, before: FundingApplicationRecord, set: Partial<FundingApplicationRecord>, events: EventDraft[], identity: Identity, action: string): Promise<FundingApplicationRecord> {
    const saved = await this.applications.write(scope, before, set, events, { actor: identity, action, at: new Date() });
    if (!saved) throw new ConflictError(`application “${before.title}” was changed meanwhile; reload it and try again`);
    return saved;
  }

  private async load(scope: TenantScope, applicationId: string): Promise<FundingApplicationRecord> {
    const found = await this.applications.get(scope, applicationId);
    if (!found) throw new NotFoundError('Funding application', applicationId);
    return found;
  }
}
