import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AssetRecordedV1,
  AssetRemovedV1,
  AssetUpdatedV1,
  type EnvelopeOf,
  PartnerMergedV1,
  PartnerRegisteredV1,
  PartnerRegisteredV2,
  PartnerUpdatedV1,
  RelationshipEstablishedV1,
  RelationshipEstablishedV2,
  RelationshipStatusChangedV1,
} from '@entente/contracts';
import { OnEvent } from '@entente/messaging';
import { scopeOfEvent } from '@entente/persistence';
import { RegistryRecordsProjection } from './registry-records.projection';

/** The registry's partner, relationship and asset events, into planning's copy of them (evidence links, anniversaries). */
@Controller()
export class RegistryEventsController {
  constructor(private readonly projection: RegistryRecordsProjection) {}

  @OnEvent(PartnerRegisteredV1, PartnerRegisteredV2)
  async onPartnerRegistered(@Payload() event: EnvelopeOf<typeof PartnerRegisteredV1 | typeof PartnerRegisteredV2>): Promise<void> {
    await this.projection.partnerState(scopeOfEvent(event), event.payload, new Date(event.occurredAt));
  }

  @OnEvent(PartnerUpdatedV1)
  async onPartnerUpdated(@Payload() event: EnvelopeOf<typeof PartnerUpdatedV1>): Promise<void> {
    await this.projection.partnerState(scopeOfEvent(event), event.payload.partner, new Date(event.occurredAt));
  }

  @OnEvent(PartnerMergedV1)
  async onPartnerMerged(@Payload() event: EnvelopeOf<typeof PartnerMergedV1>): Promise<void> {
    await this.projection.partnerMerged(scopeOfEvent(event), event.payload.survivor, event.payload.mergedPartnerId, new Date(event.occurredAt));
  }

  @OnEvent(RelationshipEstablishedV1, RelationshipEstablishedV2)
  async onRelationshipEstablished(@Payload() event: EnvelopeOf<typeof RelationshipEstablishedV1 | typeof RelationshipEstablishedV2>): Promise<void> {
    await this.projection.relationshipEstablished(scopeOfEvent(event), event.payload, new Date(event.occurredAt));
  }

  @OnEvent(RelationshipStatusChangedV1)
  async onRelationshipStatusChanged(@Payload() event: EnvelopeOf<typeof RelationshipStatusChangedV1>): Promise<void> {
    const { relationshipId, to, until } = event.payload;
    await this.projection.relationshipStatusChanged(scopeOfEvent(event), relationshipId, to, until, new Date(event.occurredAt));
  }

  @OnEvent(AssetRecordedV1)
  async onAssetRecorded(@Payload() event: EnvelopeOf<typeof AssetRecordedV1>): Promise<void> {
    await this.projection.assetState(scopeOfEvent(event), event.payload, new Date(event.occurredAt));
  }

  @OnEvent(AssetUpdatedV1)
  async onAssetUpdated(@Payload() event: EnvelopeOf<typeof AssetUpdatedV1>): Promise<void> {
    await this.projection.assetState(scopeOfEvent(event), event.payload, new Date(event.occurredAt));
  }

  @OnEvent(AssetRemovedV1)
  async onAssetRemoved(@Payload() event: EnvelopeOf<typeof AssetRemovedV1>): Promise<void> {
    await this.projection.assetRemoved(scopeOfEvent(event), event.payload.assetId, new Date(event.occurredAt));
  }
}
