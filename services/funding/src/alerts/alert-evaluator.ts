import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ScopedRecord, TenantScope } from '@entente/persistence';
import { JurisdictionDirectory } from '@entente/service-runtime';
import { eligibilityOf } from '../matching/eligibility';
import { matchOne } from '../matching/opportunity-matcher';
import { termsOf } from '../matching/priority-fit';
import { PriorityViewRepository } from '../priorities/priority-view.repository';
import { SavedSearchRepository } from '../searches/saved-search.repository';
import type { SavedSearchRecord } from '../searches/saved-search.schema';
import { asksJurisdiction, jurisdictionAgrees, type JurisdictionQuestions, type SearchableOpportunity } from '../searches/search-criteria';
import { AlertDeliveryRepository } from './alert-delivery.repository';
import { pendingDelivery } from './alert-delivery.schema';
import { AlertItemRepository } from './alert-item.repository';
import type { AlertedOpportunity, AlertItemRecord } from './alert-item.schema';
import { type AlertChannel, deliveryKey, searchAlertKey } from './alert-keys';
import { SearchIndex } from './search-index';

/** An opportunity as an event brings it, with what alerts show of it. */
export type EvaluatedOpportunity = SearchableOpportunity & { url: string | null; timeZone: string };

type LiveSearch = ScopedRecord<SavedSearchRecord> & { criteria: SavedSearchRecord['criteria'] };

/** How long a loaded index of searches is used before it is read again (a search saved meanwhile waits at most this long). */
export const SEARCH_INDEX_TTL_MS = 2_000;

/** What an alert keeps of an opportunity, from an event's state or a stored record. */
export function alertedOf(opportunity: Pick<EvaluatedOpportunity, 'opportunityId' | 'version' | 'title' | 'funder' | 'url' | 'status' | 'closesAt' | 'timeZone' | 'award'>): AlertedOpportunity {
  return {
    opportunityId: opportunity.opportunityId,
    version: opportunity.version,
    title: opportunity.title,
    funder: opportunity.funder,
    url: opportunity.url,
    status: opportunity.status,
    closesAt: opportunity.closesAt,
    timeZone: opportunity.timeZone,
    awardCeiling: opportunity.award.ceiling ?? opportunity.award.total ?? opportunity.award.floor,
    currency: opportunity.award.currency,
  };
}

/** The channels a search's alerts and digests go out on now (email needs an address; a disabled webhook is skipped). */
export function deliveryChannels(search: SavedSearchRecord): AlertChannel[] {
  return [...(search.channels.email && search.ownerEmail ? (['email'] as const) : []), ...(search.channels.webhook && !search.webhookDisabledAt ? (['webhook'] as const) : [])];
}

/**
 * Records the alerts a new or changed opportunity raises: every live saved
 * search is held in an index of its filters, which answers the searches an
 * opportunity meets by set operations over all of them at once. Each match is
 * recorded once per search and opportunity version (a unique key), and an
 * instant search's deliveries are queued with it; a daily or weekly search's
 * alert waits for its digest. Everything written is keyed, so handling the
 * same event twice changes nothing.
 */
@Injectable()
export class AlertEvaluator {
  private readonly logger = new Logger('AlertEvaluator');
  private cached?: { index: SearchIndex<LiveSearch>; loadedAt: number };

  constructor(
    private readonly searches: SavedSearchRepository,
    private readonly items: AlertItemRepository,
    private readonly deliveries: AlertDeliveryRepository,
    private readonly directory: JurisdictionDirectory,
    private readonly priorities: PriorityViewRepository,
  ) {}

  /** Forgets the loaded searches (after a save on this replica). */
  invalidate(): void {
    this.cached = undefined;
  }

  private async index(): Promise<SearchIndex<LiveSearch>> {
    if (this.cached && Date.now() - this.cached.loadedAt < SEARCH_INDEX_TTL_MS) return this.cached.index;
    const live = await this.searches.liveAcrossJurisdictions();
    const index = new SearchIndex<LiveSearch>(live.map((entry) => ({ ...entry, criteria: entry.record.criteria })));
    this.cached = { index, loadedAt: Date.now() };
    return index;
  }

  /** Evaluates one opportunity version; answers how many alerts it recorded. */
  async evaluate(opportunity: EvaluatedOpportunity, now = new Date()): Promise<number> {
    const matching = (await this.index()).matches(opportunity, now);
    const ask = this.questionsFor(opportunity, now);
    let recorded = 0;
    for (const { scope, record: search } of matching) {
      if (search.unsubscribedAt || (search.snoozedUntil && search.snoozedUntil.getTime() > now.getTime())) continue;
      if (asksJurisdiction(search.criteria) && !(await jurisdictionAgrees(search.criteria, ask(scope)))) continue;
      if (await this.record(scope, search, opportunity, now)) recorded += 1;
    }
    return recorded;
  }

  private async record(scope: TenantScope, search: SavedSearchRecord, opportunity: EvaluatedOpportunity, now: Date): Promise<boolean> {
    const instant = search.cadence.kind === 'instant';
    const seenBefore = opportunity.version > 1 && (await this.items.hasAlerted(scope, search.searchId, opportunity.opportunityId));
    const item: AlertItemRecord = {
      jurisdictionId: search.jurisdictionId,
      ownerId: search.ownerId,
      alertId: randomUUID(),
      alertKey: searchAlertKey(search.searchId, opportunity.opportunityId, opportunity.version),
      kind: seenBefore ? 'changed-match' : 'new-match',
      searchId: search.searchId,
      sourceName: search.name,
      summary: seenBefore ? `changed since we last told you; still matches "${search.name}"` : `matches your search "${search.name}"`,
      opportunity: alertedOf(opportunity),
      instant,
      inApp: search.channels.inApp,
      digestKey: null,
      createdAt: now,
      readAt: null,
    };
    const { item: stored, created } = await this.items.record(scope, item);
    // Queued on every handling, not only the first: a crash between the two writes is healed by the redelivered event.
    if (instant) await this.queue(scope, search, stored, now);
    return created;
  }

  /** Queues an instant alert's deliveries (idempotent by key). */
  private async queue(scope: TenantScope, search: SavedSearchRecord, item: AlertItemRecord, now: Date): Promise<void> {
    for (const channel of deliveryChannels(search)) await this.deliveries.enqueue(scope, pendingDelivery(search, deliveryKey(item.alertKey, channel), channel, [item.alertId], null, now));
  }

  /** Eligibility and priority fit of one jurisdiction, asked once per opportunity however many of its searches ask, and only when one does. */
  private questionsFor(opportunity: EvaluatedOpportunity, now: Date): (scope: TenantScope) => JurisdictionQuestions {
    const answers = new Map<string, { eligible?: Promise<boolean>; fits?: Promise<boolean> }>();
    const matchable = { ...opportunity, themes: [...opportunity.themes], eligibleApplicantTypes: [...opportunity.eligibleApplicantTypes], eligibleCountries: [...opportunity.eligibleCountries] };
    return (scope) => {
      const own = answers.get(scope.jurisdictionId) ?? {};
      answers.set(scope.jurisdictionId, own);
      return {
        eligible: () =>
          (own.eligible ??= (async () => {
            const profile = await this.directory.find(scope);
            return profile ? eligibilityOf(matchable, { jurisdictionId: scope.jurisdictionId, level: profile.level, country: profile.country }).verdict !== 'ineligible' : false;
          })()),
        fitsPriorities: () =>
          (own.fits ??= (async () => {
            const [profile, active] = await Promise.all([this.directory.find(scope), this.priorities.active(scope)]);
            if (!profile || active.length === 0) return false;
            return matchOne(matchable, termsOf(matchable), { jurisdictionId: scope.jurisdictionId, level: profile.level, country: profile.country }, active, now) !== null;
          })()),
      };
    };
  }
}
