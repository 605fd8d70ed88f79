import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, READER_ROLES, Roles, RolesGuard, WRITER_ROLES } from '@entente/auth';
import { LogEngagementInput } from './dtos/log-engagement.input';
import { Engagement, EngagementConnection } from './engagement.model';
import { EngagementService } from './engagement.service';
import { toEngagement } from './engagement.mapper';
import { PageArgsInput } from '@entente/service-runtime';

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
    @Args() paging: PageArgsInput,
  ): Promise<EngagementConnection> {
    const page = await this.engagementService.list(identity, paging);
    return { ...page, nodes: page.nodes.map(toEngagement) };
  }
}

