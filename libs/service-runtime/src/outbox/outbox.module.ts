import { DynamicModule, Global, Module } from '@nestjs/common';
import { OutboxWrites } from '@entente/persistence';
import { OUTBOX_SETTINGS, OutboxRelayService, OutboxSettings } from './outbox-relay.service';

/** The process's outbox relay, injected into every outbox repository as OutboxWrites. */
@Global()
@Module({})
export class OutboxModule {
  static forRoot(settings: OutboxSettings): DynamicModule {
    return {
      module: OutboxModule,
      providers: [{ provide: OUTBOX_SETTINGS, useValue: settings }, OutboxRelayService, { provide: OutboxWrites, useExisting: OutboxRelayService }],
      exports: [OutboxWrites, OutboxRelayService],
    };
  }
}
