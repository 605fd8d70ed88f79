import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module';
import { JurisdictionsModule } from '../jurisdictions/jurisdictions.module';
import { PartnersModule } from '../partners/partners.module';
import { RelationshipsModule } from '../relationships/relationships.module';
import { ImportApplier } from './import-applier';
import { ImportJobRepository } from './import-job.repository';
import { ImportJobResolver } from './import-job.resolver';
import { ImportJobRunner } from './import-job.runner';
import { ImportJobService } from './import-job.service';
import { ImportPlanner } from './import-planner';
import { TwinningCatalogueRepository } from './twinning-catalogue.repository';
import { TwinningPartnerNamer } from './twinning-partner-names';

/**
 * Imports create records through the registry's own partners, assets and
 * relationships services; the jurisdiction's profile gives its Wikidata id.
 * The runner's settings come from RegistrySettingsModule.
 */
@Module({
  imports: [PartnersModule, JurisdictionsModule, RelationshipsModule, AssetsModule],
  providers: [ImportJobRepository, TwinningCatalogueRepository, ImportPlanner, ImportApplier, ImportJobRunner, ImportJobService, ImportJobResolver, TwinningPartnerNamer],
})
export class ImportsModule {}
