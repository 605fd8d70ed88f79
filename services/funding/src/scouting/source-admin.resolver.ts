import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, type Identity, Roles } from '@entente/auth';
import { PageArgsInput } from '@entente/service-runtime';
import { ScoutingRunRepository } from './scouting-run.repository';
import { ScoutingService } from './scouting.service';
import { toFundingSource, toScoutingRun } from './scouting.mapper';
import { AddFundingSourceInput, FundingSource, FundingSourceConnection, ScoutingRun, ScoutingRunConnection, UpdateFundingSourceInput } from './scouting.model';
import { SourceAdminService } from './source-admin.service';

/** Sources and their runs: platform admins only (opportunities themselves are public; see OpportunityResolver). */
@Resolver(() => FundingSource)
@UseGuards(AuthenticatedGuard)
export class SourceAdminResolver {
  constructor(
    private readonly sources: SourceAdminService,
    private readonly scouting: ScoutingService,
    private readonly runs: ScoutingRunRepository,
  ) {}

  @Query(() => FundingSourceConnection, { description: 'Every source of opportunities, with its latest run.' })
  @Roles('platform-admin')
  async fundingSources(@Args() paging: PageArgsInput): Promise<FundingSourceConnection> {
    const page = await this.sources.list(paging);
    const latest = await this.runs.latestOf(page.nodes.map((source) => source.sourceId));
    return { ...page, nodes: page.nodes.map((source) => toFundingSource(source, latest.get(source.sourceId) ?? null)) };
  }

  @Mutation(() => FundingSource, { description: 'Adds a source; a scheduled one is run at once, then on its schedule.' })
  @Roles('platform-admin')
  async addFundingSource(@CurrentIdentity() identity: Identity, @Args('input') input: AddFundingSourceInput): Promise<FundingSource> {
    return toFundingSource(await this.sources.add(identity, input), null);
  }

  @Mutation(() => FundingSource, { description: 'Changes a source; a new URL or kind makes the next run read it in full.' })
  @Roles('platform-admin')
  async updateFundingSource(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateFundingSourceInput): Promise<FundingSource> {
    return toFundingSource(await this.sources.update(id, input), null);
  }

  @Mutation(() => FundingSource, { description: 'Stops a source’s schedule and refuses runs of it; its opportunities stay.' })
  @Roles('platform-admin')
  async disableFundingSource(@Args('id', { type: () => ID }) id: string): Promise<FundingSource> {
    return toFundingSource(await this.sources.setEnabled(id, false), null);
  }

  @Mutation(() => FundingSource, { description: 'Starts a disabled source’s schedule again (a scheduled one is run at once).' })
  @Roles('platform-admin')
  async enableFundingSource(@Args('id', { type: () => ID }) id: string): Promise<FundingSource> {
    return toFundingSource(await this.sources.setEnabled(id, true), null);
  }

  @Mutation(() => ScoutingRun, { description: 'Runs a source now (answers its queued or running run if it has one); poll scoutingRun(id) for the report.' })
  @Roles('platform-admin')
  async runFundingSource(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string): Promise<ScoutingRun> {
    return toScoutingRun(await this.scouting.runNow(identity, id));
  }

  @Query(() => ScoutingRunConnection, { description: 'A source’s runs, newest first.' })
  @Roles('platform-admin')
  async scoutingRuns(@Args('sourceId', { type: () => ID }) sourceId: string, @Args() paging: PageArgsInput): Promise<ScoutingRunConnection> {
    const page = await this.scouting.listOf(sourceId, paging);
    return { ...page, nodes: page.nodes.map(toScoutingRun) };
  }

  @Query(() => ScoutingRun, { description: 'One run and its report: counts, problems, failure, duration.' })
  @Roles('platform-admin')
  async scoutingRun(@Args('id', { type: () => ID }) id: string): Promise<ScoutingRun> {
    return toScoutingRun(await this.scouting.get(id));
  }
}
