import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, READER_ROLES, Roles } from '@entente/auth';
import { CalendarFeed, CalendarFeedLink } from './calendar-feed.model';
import { CalendarFeedService } from './calendar-feed.service';

/** Each user's own calendar link; every role of a jurisdiction reads the pipeline, so every role may have one. */
@Resolver(() => CalendarFeed)
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Query(() => CalendarFeed, { nullable: true, description: 'Your calendar link, if you made one' })
  @Roles(...READER_ROLES)
  async calendarFeed(@CurrentIdentity() identity: Identity): Promise<CalendarFeed | null> {
    const feed = await this.feeds.status(identity);
    return feed ? { createdAt: feed.createdAt, rotatedAt: feed.rotatedAt, lastFetchedAt: feed.lastFetchedAt } : null;
  }

  @Mutation(() => CalendarFeedLink, { description: 'Makes your calendar link of funding deadlines (CONFLICT if you have one: rotate it)' })
  @Roles(...READER_ROLES)
  createCalendarFeed(@CurrentIdentity() identity: Identity): Promise<CalendarFeedLink> {
    return this.feeds.create(identity);
  }

  @Mutation(() => CalendarFeedLink, { description: 'Replaces your calendar link’s secret (the old link stops working), or makes one if you have none' })
  @Roles(...READER_ROLES)
  rotateCalendarFeed(@CurrentIdentity() identity: Identity): Promise<CalendarFeedLink> {
    return this.feeds.rotate(identity);
  }

  @Mutation(() => Boolean, { description: 'Revokes your calendar link; false when you had none' })
  @Roles(...READER_ROLES)
  revokeCalendarFeed(@CurrentIdentity() identity: Identity): Promise<boolean> {
    return this.feeds.revoke(identity);
  }
}
