import { UseGuards } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, READER_ROLES, Roles, RolesGuard, WRITER_ROLES } from '@entente/auth';
import { LogEngagementInput } from './dtos/log-engagement.input';
import { Engagement, EngagementConnection, EngagementTypeValue } from './engagement.model';
import type { EngagementRecord } from './engagement.schema';
import { EngagementService } from './engagement.service';

@Resolver(() => Engagement)
@UseGuards(AuthenticatedGuard, RolesGuard)
export class EngagementResolver {
  constructor(private readonly engagementService: EngagementService) {}

  @Mutation(() => Engagement, { description: 'Logs an engagement with partners of your jurisdiction; moves their relationships’ last engagement forward.' })
  @Roles(...WRITER_ROLES)
  async logEngagement(@CurrentIdentity() identity: Identity, @Args('input') input: LogEngagementInput): Promise<Engagement> {
    return toEngagement(await this.engagementService.log(identity, input));
  }

  @Query(() => EngagementConnection, { description: 'Your jurisdiction’s engagements, in the order they were logged.' })
  @Roles(...READER_ROLES)
  async engagements(
    @CurrentIdentity() identity: Identity,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<EngagementConnection> {
    const page = await this.engagementService.list(identity, { first, after });
    return { ...page, nodes: page.nodes.map(toEngagement) };
  }
}

export function toEngagement(record: EngagementRecord): Engagement {
  return {
    id: record.engagementId,
    date: record.date,
    type: record.type as EngagementTypeValue,
    partnerIds: record.partnerIds,
    purpose: record.purpose,
    outcomes: record.outcomes,
    nextSteps: record.nextSteps,
    cost: record.cost ? { amount: record.cost.amount, currency: record.cost.currency } : null,
    staffDays: record.staffDays,
    priorityIds: record.priorityIds,
    createdAt: record.createdAt,
  };
}
