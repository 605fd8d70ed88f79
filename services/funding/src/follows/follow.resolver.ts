import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, READER_ROLES, Roles } from '@entente/auth';
import { PageArgsInput } from '@entente/service-runtime';
import { toOpportunityView } from '../opportunities/opportunity.mapper';
import { OpportunityView } from '../opportunities/opportunity.model';
import { toFollowedOpportunity } from './follow.mapper';
import { FollowChannelsInput, FollowedOpportunity, FollowedOpportunityConnection, FollowInput } from './follow.model';
import type { FollowRecord } from './follow.schema';
import { FollowService } from './follow.service';

/** Each user's own follows: any role of a jurisdiction follows opportunities; nobody reads or changes another's. */
@Resolver(() => FollowedOpportunity)
export class FollowResolver {
  constructor(private readonly follows: FollowService) {}

  private async withOpportunities(records: readonly FollowRecord[]): Promise<FollowedOpportunity[]> {
    const found = await this.follows.opportunitiesOf(records.map((record) => record.opportunityId));
    return records.map((record) => {
      const opportunity = found.get(record.opportunityId);
      return { ...toFollowedOpportunity(record), opportunity: opportunity ? toOpportunityView(opportunity) : null };
    });
  }

  @Query(() => FollowedOpportunityConnection, { description: 'The opportunities you follow, in the order you followed them' })
  @Roles(...READER_ROLES)
  async followedOpportunities(@CurrentIdentity() identity: Identity, @Args() paging: PageArgsInput): Promise<FollowedOpportunityConnection> {
    const page = await this.follows.list(identity, paging);
    return { ...page, nodes: await this.withOpportunities(page.nodes) };
  }

  @Mutation(() => FollowedOpportunity, {
    description: 'Follows an opportunity: you are alerted when it changes and reminded before it closes (default 14 and 3 days before). Following it again changes only what you pass.',
  })
  @Roles(...READER_ROLES)
  async followOpportunity(
    @CurrentIdentity() identity: Identity,
    @Args('opportunityId', { type: () => ID }) opportunityId: string,
    @Args('reminderDays', { type: () => [Int], nullable: true, description: 'Days before closing, each from 1 to 365 and once; default [14, 3]' }) reminderDays?: number[] | null,
    @Args('channels', { type: () => FollowChannelsInput, nullable: true }) channels?: FollowChannelsInput | null,
    @Args('timeZone', { type: () => String, nullable: true, description: 'IANA zone reminders phrase dates in; default your jurisdiction’s' }) timeZone?: string | null,
  ): Promise<FollowedOpportunity> {
    const [followed] = await this.withOpportunities([await this.follows.follow(identity, opportunityId, { reminderDays, channels, timeZone })]);
    return followed as FollowedOpportunity;
  }

  @Mutation(() => FollowedOpportunity, { description: 'Changes a follow’s reminder days, channels or time zone (what you leave out stays)' })
  @Roles(...READER_ROLES)
  async updateFollow(@CurrentIdentity() identity: Identity, @Args('opportunityId', { type: () => ID }) opportunityId: string, @Args('input') input: FollowInput): Promise<FollowedOpportunity> {
    const [followed] = await this.withOpportunities([await this.follows.update(identity, opportunityId, input)]);
    return followed as FollowedOpportunity;
  }

  @Mutation(() => Boolean, { description: 'Stops following an opportunity; alerts already sent stay in your inbox' })
  @Roles(...READER_ROLES)
  unfollowOpportunity(@CurrentIdentity() identity: Identity, @Args('opportunityId', { type: () => ID }) opportunityId: string): Promise<boolean> {
    return this.follows.unfollow(identity, opportunityId);
  }
}

/** One read of the caller's follows per request, however many opportunities the answer holds. */
const followedByRequest = new WeakMap<object, Promise<Set<string>>>();

/** `followed` on an opportunity: whether the caller follows it. */
@Resolver(() => OpportunityView)
export class OpportunityFollowedResolver {
  constructor(private readonly follows: FollowService) {}

  @ResolveField(() => Boolean, { description: 'Whether you follow it (followOpportunity)' })
  async followed(@CurrentIdentity() identity: Identity, @Parent() opportunity: OpportunityView, @Context() context: object): Promise<boolean> {
    let ids = followedByRequest.get(context);
    if (!ids) followedByRequest.set(context, (ids = this.follows.followedIds(identity)));
    return (await ids).has(opportunity.id);
  }
}
