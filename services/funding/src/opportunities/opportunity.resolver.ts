import { UseGuards } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AnyRole, AuthenticatedGuard } from '@entente/auth';
import { PageArgsInput } from '@entente/service-runtime';
import { toOpportunityView } from './opportunity.mapper';
import { OpportunityConnection, OpportunitySearchArgs, OpportunityView } from './opportunity.model';
import { OpportunityService } from './opportunity.service';

/** Opportunities are public data: any signed-in user of any role reads them. */
@Resolver(() => OpportunityView)
@UseGuards(AuthenticatedGuard)
export class OpportunityResolver {
  constructor(private readonly service: OpportunityService) {}

  @Query(() => OpportunityConnection, { description: 'Funding opportunities from every source, filtered; in the order they were first found.' })
  @AnyRole()
  async opportunities(@Args() search: OpportunitySearchArgs, @Args() paging: PageArgsInput): Promise<OpportunityConnection> {
    const page = await this.service.search(search.filter, paging);
    return { ...page, nodes: page.nodes.map((node) => toOpportunityView(node)) };
  }

  @Query(() => OpportunityView, { description: 'One opportunity with every version of it (what changed, when, in which run).' })
  @AnyRole()
  async opportunity(@Args('id', { type: () => ID }) id: string): Promise<OpportunityView> {
    return toOpportunityView(await this.service.get(id));
  }
}
