import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, PartnerMergedV1, type PartnerMergedV1Payload, PartnerUpdatedV1, type PartnerUpdatedV1Payload } from '@entente/contracts';
import { RelationshipRepository } from './relationship.repository';

/**
 * A relationship shows its partner's name and country. When a partner is
 * renamed or given its country (an imported tie whose country a person has
 * just supplied), the registry's own partner.updated event brings its
 * relationships up to date; the partner module need not know relationships.
 */
@Controller()
export class PartnerChangesController {
  constructor(private readonly relationships: RelationshipRepository) {}

  @EventPattern(PartnerUpdatedV1.type)
  async onPartnerUpdated(@Payload() event: EventEnvelope<PartnerUpdatedV1Payload>): Promise<void> {
    const { partner, changedFields } = event.payload;
    if (!changedFields.some((field) => field === 'name' || field === 'country')) return;
    await this.relationships.refreshPartner({ jurisdictionId: event.jurisdictionId }, partner);
  }

  /** A merge may have given the survivor a country its older relationships do not show yet. */
  @EventPattern(PartnerMergedV1.type)
  async onPartnersMerged(@Payload() event: EventEnvelope<PartnerMergedV1Payload>): Promise<void> {
    await this.relationships.refreshPartner({ jurisdictionId: event.jurisdictionId }, event.payload.survivor);
  }
}
