import { DynamicModule, Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { EngagementLoggedController } from './engagement-logged.controller';
import { PartnerChangesController } from './partner-changes.controller';
import { RelationshipRepository } from './relationship.repository';
import { RelationshipResolver } from './relationship.resolver';
import { DORMANCY_MONTHS, RelationshipService } from './relationship.service';

@Module({})
export class RelationshipsModule {
  static forRoot(options: { dormancyMonths: number }): DynamicModule {
    return {
      module: RelationshipsModule,
      imports: [PartnersModule],
      controllers: [PartnerChangesController, EngagementLoggedController],
      providers: [
        { provide: DORMANCY_MONTHS, useValue: options.dormancyMonths },
        RelationshipRepository,
        RelationshipService,
        RelationshipResolver,
      ],
      exports: [RelationshipRepository, RelationshipService],
    };
  }
}
