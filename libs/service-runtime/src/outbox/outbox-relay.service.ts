import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { EventPublisher, OUTBOX_FIELD, OutboxRelay, OutboxSource } from '@entente/messaging';
import { OutboxWrites } from '@entente/persistence';
import { JsonLogger } from '@entente/telemetry';
import { MONGO_CONNECTION } from '../bootstrap/database.module';
import { EVENT_PUBLISHER } from '../messaging/messaging.module';

export const OUTBOX_SETTINGS = Symbol('OUTBOX_SETTINGS');

export interface OutboxSettings {
  /** The service's name: the `source` of its events and the name its relay logs under. */
  source: string;
  enabled: boolean;
  intervalMs: number;
}

/**
 * One outbox relay per process, over every model whose schema carries an
 * outbox (outboxPlugin). Outbox repositories signal it after each write that
 * committed events (OutboxWrites.committed), so it drains at once instead of
 * at its next poll. Disabled, it leaves events in the outbox (ops can pause
 * publishing; the fault-injection test stops between the write and the publish).
 */
@Injectable()
export class OutboxRelayService extends OutboxWrites implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay?: OutboxRelay;

  constructor(
    @Inject(EVENT_PUBLISHER) private readonly publisher: EventPublisher,
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
    @Inject(OUTBOX_SETTINGS) private readonly settings: OutboxSettings,
  ) {
    super();
  }

  get source(): string {
    return this.settings.source;
  }

  /** By bootstrap every repository has compiled its model, so the sources are all known. */
  onApplicationBootstrap(): void {
    const sources: OutboxSource[] = this.connection
      .modelNames()
      .map((name) => this.connection.model(name))
      .filter((model) => model.schema.path(OUTBOX_FIELD) !== undefined);
    if (sources.length === 0) return;
    this.relay = new OutboxRelay({ sources, publisher: this.publisher, intervalMs: this.settings.intervalMs, logger: new JsonLogger(this.settings.source) });
    if (this.settings.enabled) this.relay.start();
  }

  committed(): void {
    if (this.settings.enabled) this.relay?.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
