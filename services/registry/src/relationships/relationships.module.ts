import { DynamicModule, Module } from '@nestjs/common';
import { PartnerLookup } from './partner-lookup';
import { RelationshipRepository } from './relationship.repository';
import { RelationshipResolver } from './relationship.resolver';
import { DORMANCY_MONTHS, RelationshipService } from './relationship.service';

@Module({})
export class RelationshipsModule {
  static forRoot(options: { dormancyMonths: number }): DynamicModule {
    return {
      module: RelationshipsModule,
      providers: [
        { provide: DORMANCY_MONTHS, useValue: options.dormancyMonths },
        RelationshipRepository,
        PartnerLookup,
        RelationshipService,
        RelationshipResolver,
      ],
      exports: [RelationshipRepository, PartnerLookup],
    };
  }
}
