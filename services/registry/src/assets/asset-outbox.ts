import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventPublisher, OutboxRelay } from '@entente/messaging';
import { EVENT_PUBLISHER } from '@entente/service-runtime';
import { JsonLogger } from '@entente/telemetry';
import { OUTBOX_SETTINGS, OutboxSettings } from '../outbox/outbox-kicker';
import { AssetRepository } from './asset.repository';

/**
 * The outbox relay over asset documents: publishes the events an asset write
 * stored in the asset itself, and lets a write ask for an immediate drain.
 * It runs beside the partners' relay with the same settings (paused together
 * by OUTBOX_RELAY_ENABLED=false); folding both into one relay over several
 * sources is a change to outbox/outbox-kicker.ts once relationships and
 * engagements add theirs.
 */
@Injectable()
export class AssetOutboxKicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(EVENT_PUBLISHER) publisher: EventPublisher,
    @Inject(OUTBOX_SETTINGS) private readonly settings: OutboxSettings,
    assets: AssetRepository,
  ) {
    this.relay = new OutboxRelay({
      sources: [assets.mongooseModel],
      publisher,
      intervalMs: settings.intervalMs,
      logger: new JsonLogger('registry'),
    });
  }

  onApplicationBootstrap(): void {
    if (this.settings.enabled) this.relay.start();
  }

  kick(): void {
    if (this.settings.enabled) this.relay.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
