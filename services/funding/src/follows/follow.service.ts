import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError, ValidationError } from '@entente/errors';
import type { Page, PageArgs, Stored } from '@entente/persistence';
import { JurisdictionDirectory } from '@entente/service-runtime';
import { AlertDeliveryRepository } from '../alerts/alert-delivery.repository';
import { OpportunityRepository, type StoredOpportunity } from '../opportunities/opportunity.repository';
import type { SearchOwner } from '../searches/saved-search.repository';
import { ownerOf } from '../searches/saved-search.service';
import { FollowRepository } from './follow.repository';
import { type FollowInput, MAX_FOLLOWS_PER_USER, parseFollowInput, withDefaults } from './follow.rules';
import type { FollowRecord } from './follow.schema';
import { firstReminder, type ReminderPlan } from './reminder-schedule';

/** The schedule fields of a follow armed at `at`: reminder moments from then on. */
export function armed(plan: Omit<ReminderPlan, 'armedAt'>, at: Date): Pick<FollowRecord, 'armedAt' | 'nextReminderAt' | 'nextReminderDays'> {
  const next = firstReminder({ ...plan, armedAt: at });
  return { armedAt: at, nextReminderAt: next?.at ?? null, nextReminderDays: next?.daysBefore ?? null };
}

/**
 * Each user's follows: any role of a jurisdiction follows opportunities for
 * itself; every read and write names the jurisdiction (from the verified
 * token) and the user, so a colleague neither sees nor changes them.
 */
@Injectable()
export class FollowService {
  constructor(
    private readonly follows: FollowRepository,
    private readonly opportunities: OpportunityRepository,
    private readonly directory: JurisdictionDirectory,
    private readonly deliveries: AlertDeliveryRepository,
  ) {}

  list(identity: Identity, args: PageArgs): Promise<Page<FollowRecord & Stored>> {
    return this.follows.list(ownerOf(identity), args);
  }

  /** Follows the opportunity; following it again changes only what the input names. */
  async follow(identity: Identity, opportunityId: string, input: FollowInput, now = new Date()): Promise<FollowRecord> {
    const email = identity.email ?? null;
    const settings = parseFollowInput(input, email);
    const owner = ownerOf(identity);
    const opportunity = (await this.opportunities.byIds([opportunityId])).get(opportunityId);
    if (!opportunity) throw new NotFoundError('Opportunity', opportunityId);
    const existing = await this.follows.of(owner, opportunityId);
    if (existing) return this.update(identity, opportunityId, input, now);
    if ((await this.follows.countOf(owner)) >= MAX_FOLLOWS_PER_USER) {
      throw ValidationError.forField('opportunityId', `you already follow ${MAX_FOLLOWS_PER_USER} opportunities, the most one person may; unfollow some you no longer pursue first`);
    }
    const zone = (await this.directory.find(owner.scope))?.timeZone ?? opportunity.timeZone;
    const chosen = withDefaults(settings, email, zone);
    const record: FollowRecord = {
      jurisdictionId: owner.scope.jurisdictionId,
      followId: randomUUID(),
      ownerId: identity.userId,
      ownerUsername: identity.username,
      ownerEmail: email,
      opportunityId,
      title: opportunity.title,
      ...chosen,
      closesAt: opportunity.closesAt,
      status: opportunity.status,
      followedVersion: opportunity.version,
      opportunityVersion: opportunity.version,
      ...armed(planOf(opportunity, chosen.reminderDays), now),
      createdAt: now,
      updatedAt: now,
    };
    const { follow, created } = await this.follows.follow(owner, record);
    // Two clicks at once: the second finds the first's follow and applies its input to it.
    return created ? follow : this.update(identity, opportunityId, input, now);
  }

  /** Changes reminder days, channels or time zone; new reminder days are armed from now. */
  async update(identity: Identity, opportunityId: string, input: FollowInput, now = new Date()): Promise<FollowRecord> {
    const email = identity.email ?? null;
    const settings = parseFollowInput(input, email);
    const owner = ownerOf(identity);
    const existing = await this.follows.of(owner, opportunityId);
    if (!existing) throw new NotFoundError('FollowedOpportunity', opportunityId);
    const reminderDays = settings.reminderDays ?? existing.reminderDays;
    const daysChanged = reminderDays.join(',') !== existing.reminderDays.join(',');
    const saved = await this.follows.update(owner, opportunityId, {
      reminderDays,
      channels: settings.channels ?? { ...existing.channels, email: existing.channels.email && email !== null },
      timeZone: settings.timeZone ?? existing.timeZone,
      ownerEmail: email,
      ...(daysChanged && armed({ closesAt: existing.closesAt, status: existing.status, reminderDays }, now)),
      updatedAt: now,
    });
    if (!saved) throw new ConflictError(`the follow of ${opportunityId} was removed meanwhile`);
    return saved;
  }

  /** Stops following: no more alerts or reminders, and mail still queued for it is dropped; alerts already sent stay in the inbox. */
  async unfollow(identity: Identity, opportunityId: string): Promise<boolean> {
    if (!(await this.stop(ownerOf(identity), opportunityId))) throw new NotFoundError('FollowedOpportunity', opportunityId);
    return true;
  }

  /**
   * Stops the follow a mail's link names (its signature checked by the
   * caller): the same as unfollowing in the app. Null when there is no such
   * follow any more (stopped already, or the call was unfollowed meanwhile).
   */
  async unfollowByLink(followId: string, ownerId: string): Promise<FollowRecord | null> {
    const found = await this.follows.byIdAcrossJurisdictions(followId, ownerId);
    return found ? this.stop({ scope: found.scope, userId: ownerId }, found.record.opportunityId) : null;
  }

  /** Removes the owner's follow of the opportunity and drops its queued mail; the removed follow, or null when there was none. */
  private async stop(owner: SearchOwner, opportunityId: string): Promise<FollowRecord | null> {
    const removed = await this.follows.remove(owner, opportunityId);
    if (removed) await this.deliveries.dropPendingOfFollow(owner.scope, removed.followId);
    return removed;
  }

  followedIds(identity: Identity): Promise<Set<string>> {
    return this.follows.followedIds(ownerOf(identity));
  }

  opportunitiesOf(opportunityIds: readonly string[]): Promise<Map<string, StoredOpportunity>> {
    return this.opportunities.byIds(opportunityIds);
  }
}

function planOf(opportunity: StoredOpportunity, reminderDays: readonly number[]): Omit<ReminderPlan, 'armedAt'> {
  return { closesAt: opportunity.closesAt, status: opportunity.status, reminderDays };
}
