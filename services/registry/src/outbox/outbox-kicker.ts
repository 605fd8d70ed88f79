import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventPublisher, OutboxRelay } from '@entente/messaging';
import { EVENT_PUBLISHER } from '@entente/service-runtime';
import { JsonLogger } from '@entente/telemetry';
import { PartnerRepository } from '../partners/partner.repository';
import { RelationshipRepository } from '../relationships/relationship.repository';
import { EngagementRepository } from '../engagements/engagement.repository';

export const OUTBOX_SETTINGS = Symbol('OUTBOX_SETTINGS');

/**
 * Each feature module provides its own kicker (so its services can kick), but
 * every kicker of one process shares one relay per publisher: one poller,
 * one pass at a time, whichever module asks.
 */
const sharedRelays = new WeakMap<EventPublisher, OutboxRelay>();

export interface OutboxSettings {
  enabled: boolean;
  intervalMs: number;
}

/**
 * Runs the outbox relay over every aggregate that carries events, and lets a
 * write ask for an immediate drain. Disabled, it leaves events in the outbox
 * (ops can pause publishing; the fault-injection test uses it to stop between
 * the write and the publish).
 */
@Injectable()
export class OutboxKicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(EVENT_PUBLISHER) publisher: EventPublisher,
    @Inject(OUTBOX_SETTINGS) private readonly settings: OutboxSettings,
    partners: PartnerRepository,
    relationships: RelationshipRepository,
    engagements: EngagementRepository,
  ) {
    const shared = sharedRelays.get(publisher);
    this.relay =
      shared ??
      new OutboxRelay({
        sources: [partners.mongooseModel, relationships.mongooseModel, engagements.mongooseModel],
        publisher,
        intervalMs: settings.intervalMs,
        logger: new JsonLogger('registry'),
      });
    if (!shared) sharedRelays.set(publisher, this.relay);
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
