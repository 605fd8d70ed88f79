import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, READER_ROLES, Roles, WRITER_ROLES } from '@entente/auth';
import { PageArgsInput } from '@entente/service-runtime';
import {
  FundingApplication,
  FundingApplicationChange,
  FundingApplicationChangesInput,
  FundingApplicationConnection,
  FundingApplicationInput,
  FundingApplicationStageValue,
  MoveFundingApplicationInput,
} from './application.model';
import { toApplicationChanges, toFundingApplication } from './application.mapper';
import { FundingApplicationService } from './application.service';

@Resolver(() => FundingApplication)
export class FundingApplicationResolver {
  constructor(private readonly applications: FundingApplicationService) {}

  @Query(() => FundingApplicationConnection, { description: 'Your jurisdiction’s funding pipeline, oldest first, optionally of one stage' })
  @Roles(...READER_ROLES)
  async fundingApplications(
    @CurrentIdentity() identity: Identity,
    @Args() paging: PageArgsInput,
    @Args('stage', { type: () => FundingApplicationStageValue, nullable: true }) stage?: FundingApplicationStageValue | null,
  ): Promise<FundingApplicationConnection> {
    const page = await this.applications.list(identity, paging, stage ?? undefined);
    return { ...page, nodes: page.nodes.map(toFundingApplication) };
  }

  @Query(() => FundingApplication)
  @Roles(...READER_ROLES)
  async fundingApplication(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string): Promise<FundingApplication> {
    return toFundingApplication(await this.applications.get(identity, id));
  }

  @Mutation(() => FundingApplication, { description: 'Adds an application to the pipeline as interested' })
  @Roles(...WRITER_ROLES)
  async addFundingApplication(@CurrentIdentity() identity: Identity, @Args('input') input: FundingApplicationInput): Promise<FundingApplication> {
    return toFundingApplication(await this.applications.add(identity, input));
  }

  @Mutation(() => FundingApplication, { description: 'Changes an application’s details (not its stage)' })
  @Roles(...WRITER_ROLES)
  async updateFundingApplication(
    @CurrentIdentity() identity: Identity,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: FundingApplicationChangesInput,
  ): Promise<FundingApplication> {
    return toFundingApplication(await this.applications.update(identity, id, input));
  }

  @Mutation(() => FundingApplication, { description: 'Moves an application to another stage; an award becomes an external funding line of the year’s plan' })
  @Roles(...WRITER_ROLES)
  async moveFundingApplication(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string, @Args('input') input: MoveFundingApplicationInput): Promise<FundingApplication> {
    return toFundingApplication(await this.applications.move(identity, id, input));
  }

  @ResolveField(() => [FundingApplicationChange], { description: 'The change history, newest first' })
  async history(@CurrentIdentity() identity: Identity, @Parent() application: FundingApplication): Promise<FundingApplicationChange[]> {
    return toApplicationChanges(await this.applications.history(identity, application.id));
  }
}
