import { DynamicModule, Module } from '@nestjs/common';
import { OUTBOX_SETTINGS, OutboxKicker, OutboxSettings } from '../outbox/outbox-kicker';
import { PartnerRepository } from './partner.repository';
import { PartnerResolver } from './partner.resolver';
import { PartnerService } from './partner.service';

@Module({})
export class PartnersModule {
  static forRoot(outbox: OutboxSettings): DynamicModule {
    return {
      module: PartnersModule,
      providers: [{ provide: OUTBOX_SETTINGS, useValue: outbox }, PartnerRepository, PartnerService, PartnerResolver, OutboxKicker],
    };
  }
}
