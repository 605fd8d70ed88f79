import { DynamicModule, Module } from '@nestjs/common';
import { OUTBOX_SETTINGS, OutboxSettings } from '../outbox/outbox-kicker';
import { AssetOutboxKicker } from './asset-outbox';
import { AssetRepository } from './asset.repository';
import { AssetResolver } from './asset.resolver';
import { AssetService } from './asset.service';

@Module({})
export class AssetsModule {
  static forRoot(outbox: OutboxSettings): DynamicModule {
    return {
      module: AssetsModule,
      providers: [{ provide: OUTBOX_SETTINGS, useValue: outbox }, AssetRepository, AssetService, AssetResolver, AssetOutboxKicker],
    };
  }
}
