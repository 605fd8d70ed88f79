import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type EnvelopeOf, PartnerMergedV1, PartnerUpdatedV1 } from '@entente/contracts';
import { OnEvent } from '@entente/messaging';
import { scopeOfEvent } from '@entente/persistence';
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

  @OnEvent(PartnerUpdatedV1)
  async onPartnerUpdated(@Payload() event: EnvelopeOf<typeof PartnerUpdatedV1>): Promise<void> {
    const { partner, changedFields } = event.payload;
    if (!changedFields.some((field) => field === 'name' || field === 'country')) return;
    await this.relationships.refreshPartner(scopeOfEvent(event), partner);
  }

  /** A merge may have given the survivor a country its older relationships do not show yet. */
  @OnEvent(PartnerMergedV1)
  async onPartnersMerged(@Payload() event: EnvelopeOf<typeof PartnerMergedV1>): Promise<void> {
    await this.relationships.refreshPartner(scopeOfEvent(event), event.payload.survivor);
  }
}
