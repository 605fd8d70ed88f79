import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { type ScopedRecord, type Stored, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { CALENDAR_FEED_MODEL, type CalendarFeedRecord, CalendarFeedSchema } from './calendar-feed.schema';

@Injectable()
export class CalendarFeedRepository extends TenantRepository<CalendarFeedRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models[CALENDAR_FEED_MODEL] as Model<CalendarFeedRecord> | undefined) ?? connection.model<CalendarFeedRecord>(CALENDAR_FEED_MODEL, CalendarFeedSchema));
  }

  ofUser(scope: TenantScope, userId: string): Promise<(CalendarFeedRecord & Stored) | null> {
    return this.findOne(tenantQuery<CalendarFeedRecord>(scope, { userId }));
  }

  /** A new feed; throws the unique key's error when the user has one already. */
  async create(record: CalendarFeedRecord): Promise<CalendarFeedRecord> {
    return this.insert(record);
  }

  /** A new secret for the user's feed (the old URL stops working), or a new feed when the user has none. */
  async rotate(scope: TenantScope, owner: { userId: string; username: string }, tokenHash: string, at: Date): Promise<CalendarFeedRecord> {
    const rotated = await this.updateOne(
      tenantQuery<CalendarFeedRecord>(scope, { userId: owner.userId }),
      { $set: { tokenHash, rotatedAt: at, username: owner.username }, $setOnInsert: { createdAt: at, lastFetchedAt: null } },
      { upsert: true },
    );
    if (!rotated) throw new Error(`the calendar feed of ${owner.userId} was neither updated nor made`);
    return rotated;
  }

  async revoke(scope: TenantScope, userId: string): Promise<boolean> {
    return (await this.deleteAll(tenantQuery<CalendarFeedRecord>(scope, { userId }))) > 0;
  }

  /**
   * The feed a secret opens, whichever jurisdiction it belongs to: the one
   * read that starts from a URL, not from a signed-in user. The secret's
   * hash is the key, so nothing else can be found this way.
   */
  async bySecretAcrossJurisdictions(tokenHash: string): Promise<ScopedRecord<CalendarFeedRecord & Stored> | null> {
    const found = await this.findAcrossJurisdictions<CalendarFeedRecord & Stored>({ tokenHash }, { limit: 1 });
    return found[0] ?? null;
  }

  async fetched(scope: TenantScope, userId: string, at: Date): Promise<void> {
    await this.updateOne(tenantQuery<CalendarFeedRecord>(scope, { userId }), { $set: { lastFetchedAt: at } });
  }
}
