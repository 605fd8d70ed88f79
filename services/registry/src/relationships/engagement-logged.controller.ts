import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { EngagementLoggedV1, type EnvelopeOf } from '@entente/contracts';
import { OnEvent } from '@entente/messaging';
import { scopeOfEvent } from '@entente/persistence';
import { RelationshipRepository } from './relationship.repository';

/**
 * logEngagement stores the engagement with its event in one write, then moves
 * its relationships' last engagement forward in further writes. A crash in
 * between would leave a relationship behind (and wrongly dormant); the event,
 * which names those updates and cannot be lost (outbox), finishes the job
 * here. Each update only ever moves a date forward, so applying it again after
 * the request already did is harmless.
 */
@Controller()
export class EngagementLoggedController {
  constructor(private readonly relationships: RelationshipRepository) {}

  @OnEvent(EngagementLoggedV1)
  async onEngagementLogged(@Payload() event: EnvelopeOf<typeof EngagementLoggedV1>): Promise<void> {
    const scope = scopeOfEvent(event);
    for (const update of event.payload.relationshipUpdates) {
      await this.relationships.advanceLastEngagement(scope, update.relationshipId, update.lastEngagementAt, new Date(event.occurredAt));
    }
  }
}
