import { Args, Context, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, READER_ROLES, Roles } from '@entente/auth';
import { ValidationError } from '@entente/errors';
import { PageArgsInput } from '@entente/service-runtime';
import { ownerOf } from '../searches/saved-search.service';
import { Alert, AlertConnection } from './alert.model';
import { toAlert } from './alert.mapper';
import { AlertFeed } from './alert-feed';
import { AlertItemRepository } from './alert-item.repository';
import { AlertDigests } from './alert-digests';

const MARK_READ_MAX = 500;

/** Each user's alert inbox, its live subscription and digests on demand; nobody sees another user's alerts. */
@Resolver(() => Alert)
export class AlertResolver {
  constructor(
    private readonly items: AlertItemRepository,
    private readonly feed: AlertFeed,
    private readonly digests: AlertDigests,
  ) {}

  @Query(() => AlertConnection, { description: 'Your alerts, oldest first (every channel’s alerts are here, whatever the search’s channels)' })
  @Roles(...READER_ROLES)
  async alerts(
    @CurrentIdentity() identity: Identity,
    @Args() paging: PageArgsInput,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean | null,
  ): Promise<AlertConnection> {
    const page = await this.items.inbox(ownerOf(identity), paging, unreadOnly ?? false);
    return { ...page, nodes: page.nodes.map(toAlert) };
  }

  @Query(() => Int, { description: 'How many of your alerts are unread' })
  @Roles(...READER_ROLES)
  unreadAlertCount(@CurrentIdentity() identity: Identity): Promise<number> {
    return this.items.unreadCount(ownerOf(identity));
  }

  @Mutation(() => Int, { description: 'Marks these alerts read (all of yours when ids is left out); answers how many changed' })
  @Roles(...READER_ROLES)
  markAlertsRead(@CurrentIdentity() identity: Identity, @Args('ids', { type: () => [ID], nullable: true }) ids?: string[] | null): Promise<number> {
    if (ids && ids.length > MARK_READ_MAX) throw ValidationError.forField('ids', `must list at most ${MARK_READ_MAX} alerts (leave it out to mark all)`);
    return this.items.markRead(ownerOf(identity), ids ?? null, new Date());
  }

  @Mutation(() => Int, { description: 'Sends a daily or weekly search’s digest now with the alerts waiting for it; answers how many it holds (the scheduled digest then holds only what comes after)' })
  @Roles(...READER_ROLES)
  sendSearchDigestNow(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string): Promise<number> {
    return this.digests.sendNow(identity, id);
  }

  @Subscription(() => Alert, { description: 'Your alerts as they are recorded (GraphQL over SSE through the gateway: Accept: text/event-stream)' })
  @Roles(...READER_ROLES)
  alertReceived(@CurrentIdentity() identity: Identity, @Context('signal') signal?: AbortSignal): AsyncIterator<{ alertReceived: Alert }> {
    const source = this.feed.of(identity.jurisdictionId, identity.userId, signal);
    return (async function* () {
      for await (const record of source) yield { alertReceived: toAlert(record) };
    })();
  }
}
