import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, READER_ROLES, Roles, RolesGuard, WRITER_ROLES } from '@entente/auth';
import { ImportJob, ImportJobConnection, TwinningCatalogue } from './import-job.model';
import { ImportJobService } from './import-job.service';
import { TwinningCatalogueRepository } from './twinning-catalogue.repository';
import { toImportJob } from './import-job.mapper';
import { PageArgsInput } from '@entente/service-runtime';

const STARTED = 'Starts the import and answers at once with its job; poll importJob(id) until it has succeeded or failed.';
const COUNTRY =
  'A country is an ISO 3166-1 code (NL or NLD) or its English or German name ("the Netherlands", "USA", "Deutschland"); a row whose country cannot be placed, or fits more than one country, is left out and named in the report, and the other rows import.';

@Resolver(() => ImportJob)
@UseGuards(AuthenticatedGuard, RolesGuard)
export class ImportJobResolver {
  constructor(
    private readonly imports: ImportJobService,
    private readonly catalogue: TwinningCatalogueRepository,
  ) {}

  @Mutation(() => ImportJob, { description: `Partners from CSV (name, kind, country, optional wikidataId). ${COUNTRY} ${STARTED}` })
  @Roles(...WRITER_ROLES)
  async importPartnersCsv(@CurrentIdentity() identity: Identity, @Args('csv') csv: string): Promise<ImportJob> {
    return toImportJob(await this.imports.startCsv(identity, 'partners-csv', csv));
  }

  @Mutation(() => ImportJob, { description: `Assets from CSV (name, category, type, …; lists separated by ";"; countries as ISO codes or English or German names). ${STARTED}` })
  @Roles(...WRITER_ROLES)
  async importAssetsCsv(@CurrentIdentity() identity: Identity, @Args('csv') csv: string): Promise<ImportJob> {
    return toImportJob(await this.imports.startCsv(identity, 'assets-csv', csv));
  }

  @Mutation(() => ImportJob, {
    description: `Relationships from CSV (type, and the partner by partnerId, partnerWikidataId, or partnerName with partnerCountry). ${COUNTRY} ${STARTED}`,
  })
  @Roles(...WRITER_ROLES)
  async importRelationshipsCsv(@CurrentIdentity() identity: Identity, @Args('csv') csv: string): Promise<ImportJob> {
    return toImportJob(await this.imports.startCsv(identity, 'relationships-csv', csv));
  }

  @Mutation(() => ImportJob, {
    description: `Partners and prospective sister-city relationships for the ties of a Wikidata id in the platform's twinning catalogue. ${STARTED}`,
  })
  @Roles(...WRITER_ROLES)
  async importTwinningTies(
    @CurrentIdentity() identity: Identity,
    @Args('wikidataId', { type: () => String, nullable: true, description: 'Defaults to your jurisdiction’s own Wikidata id' }) wikidataId?: string | null,
  ): Promise<ImportJob> {
    return toImportJob(await this.imports.startTwinningTies(identity, wikidataId));
  }

  @Mutation(() => ImportJob, { description: `One city's Special:EntityData JSON: its P190 ties with their start and end times. ${STARTED}` })
  @Roles(...WRITER_ROLES)
  async importWikidataEntity(@CurrentIdentity() identity: Identity, @Args('json') json: string): Promise<ImportJob> {
    return toImportJob(await this.imports.startWikidataEntity(identity, json));
  }

  @Mutation(() => ImportJob, {
    description: `Replaces the platform-wide twinning catalogue from the TSV pair (relations.tsv, names.tsv), then names the partners twinning imports of any jurisdiction named by their Wikidata id. ${STARTED}`,
  })
  @Roles('platform-admin')
  async loadTwinningCatalogue(@CurrentIdentity() identity: Identity, @Args('relations') relations: string, @Args('names') names: string): Promise<ImportJob> {
    return toImportJob(await this.imports.startCatalogueLoad(identity, relations, names));
  }

  @Query(() => ImportJob, { description: 'One of your jurisdiction’s import jobs: status, progress, report and counts.' })
  @Roles(...READER_ROLES)
  async importJob(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string): Promise<ImportJob> {
    return toImportJob(await this.imports.get(identity, id));
  }

  @Query(() => ImportJobConnection, { description: 'Your jurisdiction’s import jobs, oldest first.' })
  @Roles(...READER_ROLES)
  async importJobs(
    @CurrentIdentity() identity: Identity,
    @Args() paging: PageArgsInput,
  ): Promise<ImportJobConnection> {
    const page = await this.imports.list(identity, paging);
    return { ...page, nodes: page.nodes.map(toImportJob) };
  }

  @Query(() => TwinningCatalogue, { nullable: true, description: 'The twinning catalogue in use, or null before a platform-admin has loaded one.' })
  @Roles(...READER_ROLES)
  async twinningCatalogue(): Promise<TwinningCatalogue | null> {
    const current = await this.catalogue.current();
    return current && { loadedAt: current.loadedAt, places: current.qidCount, ties: current.tieCount, directedEdges: current.directedEdgeCount };
  }
}

