import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError, ValidationError } from '@entente/errors';
import { type Page, type PageArgs, scopeOf, type Stored } from '@entente/persistence';
import { WebhookPolicy } from '../webhooks/webhook-policy';
import { nextDigestAt } from './cadence';
import { SavedSearchRepository, type SearchOwner } from './saved-search.repository';
import { alertNotice, MAX_SEARCHES_PER_USER, parseSavedSearch, type SavedSearchContent, type SavedSearchInput } from './saved-search.rules';
import type { SavedSearchRecord } from './saved-search.schema';

/** A save's answer: the search and what it will send, said plainly. */
export interface SavedSearchOutcome {
  search: SavedSearchRecord;
  notice: string;
}

/** The caller as the owner of searches: their jurisdiction (from the verified token) and their own user id. */
export function ownerOf(identity: Identity): SearchOwner {
  return { scope: scopeOf(identity), userId: identity.userId };
}

/** Farthest a snooze may reach: a search snoozed for longer should be deleted. */
const MAX_SNOOZE_DAYS = 366;

@Injectable()
export class SavedSearchService {
  constructor(
    private readonly searches: SavedSearchRepository,
    private readonly webhookPolicy: WebhookPolicy,
  ) {}

  /** The search's content by its rules, then its webhook's address checked (a lookup: the rules themselves do no I/O). */
  private async contentOf(input: SavedSearchInput, email: string | null): Promise<SavedSearchContent> {
    const content = parseSavedSearch(input, email);
    const webhook = content.channels.webhook;
    const refused = webhook ? await this.webhookPolicy.refusalOf(webhook.url) : null;
    if (refused) throw ValidationError.forField('channels.webhook.url', refused);
    return content;
  }

  list(identity: Identity, args: PageArgs): Promise<Page<SavedSearchRecord & Stored>> {
    return this.searches.list(ownerOf(identity), args);
  }

  async get(identity: Identity, searchId: string): Promise<SavedSearchRecord> {
    const found = await this.searches.get(ownerOf(identity), searchId);
    if (!found) throw new NotFoundError('SavedSearch', searchId);
    return found;
  }

  async save(identity: Identity, input: SavedSearchInput, now = new Date()): Promise<SavedSearchOutcome> {
    const email = identity.email ?? null;
    const content = await this.contentOf(input, email);
    const owner = ownerOf(identity);
    if ((await this.searches.countOf(owner)) >= MAX_SEARCHES_PER_USER) {
      throw ValidationError.forField('name', `you already keep ${MAX_SEARCHES_PER_USER} saved searches, the most one person may; delete one you no longer read first`);
    }
    const record: SavedSearchRecord = {
      jurisdictionId: owner.scope.jurisdictionId,
      searchId: randomUUID(),
      ownerId: identity.userId,
      ownerUsername: identity.username,
      ownerEmail: email,
      ...content,
      webhookFailures: 0,
      webhookDisabledAt: null,
      webhookDisabledReason: null,
      snoozedUntil: null,
      unsubscribedAt: null,
      nextDigestAt: nextDigestAt(content.cadence, now),
      createdAt: now,
      updatedAt: now,
    };
    return { search: await this.searches.create(record), notice: alertNotice(content, email) };
  }

  /** Replaces what the search looks for, when and where it sends; saving again also undoes an unsubscribe and re-enables a disabled webhook. */
  async update(identity: Identity, searchId: string, input: SavedSearchInput, now = new Date()): Promise<SavedSearchOutcome> {
    const owner = ownerOf(identity);
    if (!(await this.searches.get(owner, searchId))) throw new NotFoundError('SavedSearch', searchId);
    const email = identity.email ?? null;
    const content = await this.contentOf(input, email);
    const saved = await this.searches.update(owner, searchId, {
      ...content,
      ownerEmail: email,
      webhookFailures: 0,
      webhookDisabledAt: null,
      webhookDisabledReason: null,
      unsubscribedAt: null,
      nextDigestAt: nextDigestAt(content.cadence, now),
      updatedAt: now,
    });
    if (!saved) throw new ConflictError(`saved search ${searchId} was deleted meanwhile`);
    return { search: saved, notice: alertNotice(content, email) };
  }

  /** No alerts until `until` (null: now again). */
  async snooze(identity: Identity, searchId: string, until: Date | null, now = new Date()): Promise<SavedSearchRecord> {
    if (until !== null) {
      if (Number.isNaN(until.getTime()) || until.getTime() <= now.getTime()) throw ValidationError.forField('until', 'must be a time in the future (or null to wake the search now)');
      if (until.getTime() > now.getTime() + MAX_SNOOZE_DAYS * 24 * 3600_000) throw ValidationError.forField('until', `must be within ${MAX_SNOOZE_DAYS} days; delete a search you no longer want`);
    }
    const saved = await this.searches.update(ownerOf(identity), searchId, { snoozedUntil: until, updatedAt: now });
    if (!saved) throw new NotFoundError('SavedSearch', searchId);
    return saved;
  }

  async remove(identity: Identity, searchId: string): Promise<boolean> {
    if (!(await this.searches.remove(ownerOf(identity), searchId))) throw new NotFoundError('SavedSearch', searchId);
    return true;
  }
}
