import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { EventPublisher, OUTBOX_FIELD, OutboxRelay, OutboxSource } from '@entente/messaging';
import { EVENT_PUBLISHER, MONGO_CONNECTION } from '@entente/service-runtime';
import { JsonLogger } from '@entente/telemetry';

export const OUTBOX_SETTINGS = Symbol('OUTBOX_SETTINGS');

export interface OutboxSettings {
  enabled: boolean;
  intervalMs: number;
}

/**
 * One outbox relay for the whole registry, over every model whose schema
 * carries an outbox (outboxPlugin), and a `kick()` a write calls for an
 * immediate drain. Disabled, it leaves events in the outbox (ops can pause
 * publishing; the fault-injection test stops between the write and the publish).
 */
@Injectable()
export class OutboxKicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;

  constructor(
    @Inject(EVENT_PUBLISHER) private readonly publisher: EventPublisher,
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
    @Inject(OUTBOX_SETTINGS) private readonly settings: OutboxSettings,
  ) {}

  /** By bootstrap every repository has compiled its model, so the sources are all known. */
  onApplicationBootstrap(): void {
    const sources: OutboxSource[] = this.connection
      .modelNames()
      .map((name) => this.connection.model(name))
      .filter((model) => model.schema.path(OUTBOX_FIELD) !== undefined);
    this.relay = new OutboxRelay({ sources, publisher: this.publisher, intervalMs: this.settings.intervalMs, logger: new JsonLogger('registry') });
    if (this.settings.enabled) this.relay.start();
  }

  kick(): void {
    if (this.settings.enabled) this.relay?.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
