import { DynamicModule, Module } from '@nestjs/common';
import { OUTBOX_SETTINGS, OutboxKicker, OutboxSettings } from '../outbox/outbox-kicker';
import { PartnerRepository } from '../partners/partner.repository';
import { EngagementRepository } from './engagement.repository';
import { EngagementResolver } from './engagement.resolver';
import { EngagementService } from './engagement.service';

/**
 * Needs RelationshipsModule (global: relationships and partner lookups).
 * Global itself so that every module's OutboxKicker can relay engagements' events.
 */
@Module({})
export class EngagementsModule {
  static forRoot(outbox: OutboxSettings): DynamicModule {
    return {
      module: EngagementsModule,
      global: true,
      providers: [{ provide: OUTBOX_SETTINGS, useValue: outbox }, EngagementRepository, PartnerRepository, EngagementService, EngagementResolver, OutboxKicker],
      exports: [EngagementRepository],
    };
  }
}
