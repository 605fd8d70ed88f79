import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EngagementLoggedV1, type EngagementLoggedV1Payload, EventEnvelope } from '@entente/contracts';
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

  @EventPattern(EngagementLoggedV1.type)
  async onEngagementLogged(@Payload() event: EventEnvelope<EngagementLoggedV1Payload>): Promise<void> {
    const scope = { jurisdictionId: event.jurisdictionId };
    for (const update of event.payload.relationshipUpdates) {
      await this.relationships.advanceLastEngagement(scope, update.relationshipId, update.lastEngagementAt, new Date(event.occurredAt));
    }
  }
}
