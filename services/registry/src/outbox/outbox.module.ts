import { DynamicModule, Global, Module } from '@nestjs/common';
import { OUTBOX_SETTINGS, OutboxKicker, OutboxSettings } from './outbox-kicker';

@Global()
@Module({})
export class OutboxModule {
  static forRoot(settings: OutboxSettings): DynamicModule {
    return {
      module: OutboxModule,
      providers: [{ provide: OUTBOX_SETTINGS, useValue: settings }, OutboxKicker],
      exports: [OutboxKicker],
    };
  }
}
