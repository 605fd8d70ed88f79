import { DynamicModule, Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { ImportApplier } from './import-applier';
import { ImportJobRepository } from './import-job.repository';
import { ImportJobResolver } from './import-job.resolver';
import { IMPORT_RUNNER_SETTINGS, ImportJobRunner, ImportRunnerSettings } from './import-job.runner';
import { ImportJobService } from './import-job.service';
import { ImportPlanner } from './import-planner';
import { TwinningCatalogueRepository } from './twinning-catalogue.repository';

/** Imports create records through the app's own partners, assets and relationships modules; the jurisdiction's profile gives its Wikidata id. */
@Module({})
export class ImportsModule {
  static forRoot(options: { jurisdictions: DynamicModule; relationships: DynamicModule; assets: DynamicModule; runner: ImportRunnerSettings }): DynamicModule {
    return {
      module: ImportsModule,
      imports: [PartnersModule, options.jurisdictions, options.relationships, options.assets],
      providers: [
        { provide: IMPORT_RUNNER_SETTINGS, useValue: options.runner },
        ImportJobRepository,
        TwinningCatalogueRepository,
        ImportPlanner,
        ImportApplier,
        ImportJobRunner,
        ImportJobService,
        ImportJobResolver,
      ],
    };
  }
}
