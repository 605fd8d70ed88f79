import { DynamicModule, Module } from '@nestjs/common';
import { OUTBOX_SETTINGS, OutboxKicker, OutboxSettings } from '../outbox/outbox-kicker';
import { PartnerRepository } from '../partners/partner.repository';
import { PartnerLookup } from './partner-lookup';
import { RelationshipRepository } from './relationship.repository';
import { RelationshipResolver } from './relationship.resolver';
import { DORMANCY_MONTHS, RelationshipService } from './relationship.service';

/**
 * Global so that every module's OutboxKicker (which relays relationships'
 * events) and the engagements feature can reach the repository.
 */
@Module({})
export class RelationshipsModule {
  static forRoot(options: { outbox: OutboxSettings; dormancyMonths: number }): DynamicModule {
    return {
      module: RelationshipsModule,
      global: true,
      providers: [
        { provide: OUTBOX_SETTINGS, useValue: options.outbox },
        { provide: DORMANCY_MONTHS, useValue: options.dormancyMonths },
        RelationshipRepository,
        PartnerRepository,
        PartnerLookup,
        RelationshipService,
        RelationshipResolver,
        OutboxKicker,
      ],
      exports: [RelationshipRepository, PartnerLookup],
    };
  }
}
