import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ActivityChangedV1,
  ActivityChangedV2,
  ActivityCompletedV1,
  ActivityCompletedV2,
  ActivityPlannedV1,
  ActivityPlannedV2,
  ActivityReducedV1,
  ActivityReducedV2,
  AssetRecordedV1,
  AssetRemovedV1,
  AssetUpdatedV1,
  type EnvelopeOf,
  PartnerMergedV1,
  PartnerRegisteredV1,
  PartnerRegisteredV2,
  PartnerUpdatedV1,
  PriorityChangedV1,
  PriorityRetiredV1,
  PrioritySetV1,
  RelationshipEstablishedV1,
  RelationshipEstablishedV2,
  RelationshipStatusChangedV1,
} from '@entente/contracts';
import { OnEvent } from '@entente/messaging';
import { scopeOfEvent } from '@entente/persistence';
import { stateOfV1 } from '../ties/tie-projection';
import { TiesService } from '../ties/ties.service';
import { SourceRecordsProjection } from './source-records.projection';

/**
 * Thin: the transport has validated, deduplicated and traced each event.
 * One handler per event version in a service, so partner events feed both
 * the ties count and the read model here; each write is idempotent, so a
 * retry after a failure half way redoes both safely.
 */
@Controller()
export class SourceEventsController {
  constructor(
    private readonly ties: TiesService,
    private readonly records: SourceRecordsProjection,
  ) {}

  /** Both versions of registered arrive here: v1 (events already on the topic) and v2. */
  @OnEvent(PartnerRegisteredV1, PartnerRegisteredV2)
  async onPartnerRegistered(@Payload() event: EnvelopeOf<typeof PartnerRegisteredV1 | typeof PartnerRegisteredV2>): Promise<void> {
    const partner = event.version === 1 ? stateOfV1(event.payload) : event.payload;
    await this.ties.recordPartnerState(event, partner);
    await this.records.partner(scopeOfEvent(event), partner, new Date(event.occurredAt));
  }

  @OnEvent(PartnerUpdatedV1)
  async onPartnerUpdated(@Payload() event: EnvelopeOf<typeof PartnerUpdatedV1>): Promise<void> {
    await this.ties.recordPartnerState(event, event.payload.partner);
    await this.records.partner(scopeOfEvent(event), event.payload.partner, new Date(event.occurredAt));
  }

  @OnEvent(PartnerMergedV1)
  async onPartnerMerged(@Payload() event: EnvelopeOf<typeof PartnerMergedV1>): Promise<void> {
    await this.ties.recordPartnerMerged(event);
    await this.records.partnerMerged(scopeOfEvent(event), event.payload.survivor, event.payload.mergedPartnerId, new Date(event.occurredAt));
  }

  @OnEvent(RelationshipEstablishedV1, RelationshipEstablishedV2)
  async onRelationshipEstablished(@Payload() event: EnvelopeOf<typeof RelationshipEstablishedV1 | typeof RelationshipEstablishedV2>): Promise<void> {
    await this.records.relationship(scopeOfEvent(event), event.payload, new Date(event.occurredAt));
  }

  @OnEvent(RelationshipStatusChangedV1)
  async onRelationshipStatusChanged(@Payload() event: EnvelopeOf<typeof RelationshipStatusChangedV1>): Promise<void> {
    const { relationshipId, to, until } = event.payload;
    await this.records.relationshipStatus(scopeOfEvent(event), relationshipId, to, until, new Date(event.occurredAt));
  }

  @OnEvent(AssetRecordedV1)
  async onAssetRecorded(@Payload() event: EnvelopeOf<typeof AssetRecordedV1>): Promise<void> {
    await this.records.asset(scopeOfEvent(event), event.payload, new Date(event.occurredAt));
  }

  @OnEvent(AssetUpdatedV1)
  async onAssetUpdated(@Payload() event: EnvelopeOf<typeof AssetUpdatedV1>): Promise<void> {
    await this.records.asset(scopeOfEvent(event), event.payload, new Date(event.occurredAt));
  }

  @OnEvent(AssetRemovedV1)
  async onAssetRemoved(@Payload() event: EnvelopeOf<typeof AssetRemovedV1>): Promise<void> {
    await this.records.assetRemoved(scopeOfEvent(event), event.payload.assetId, new Date(event.occurredAt));
  }

  @OnEvent(PrioritySetV1)
  async onPrioritySet(@Payload() event: EnvelopeOf<typeof PrioritySetV1>): Promise<void> {
    await this.records.priority(scopeOfEvent(event), event.payload, false, new Date(event.occurredAt));
  }

  /** A change may bring a retired priority back (planning's changePriority with status ACTIVE). */
  @OnEvent(PriorityChangedV1)
  async onPriorityChanged(@Payload() event: EnvelopeOf<typeof PriorityChangedV1>): Promise<void> {
    const { changedFields: _fields, ...state } = event.payload;
    await this.records.priority(scopeOfEvent(event), state, false, new Date(event.occurredAt));
  }

  @OnEvent(PriorityRetiredV1)
  async onPriorityRetired(@Payload() event: EnvelopeOf<typeof PriorityRetiredV1>): Promise<void> {
    const { reason: _reason, ...state } = event.payload;
    await this.records.priority(scopeOfEvent(event), state, true, new Date(event.occurredAt));
  }

  // One handler per event type (@OnEvent takes versions of one type only): planned and completed carry the same state.
  // Each takes v1 (events already on the topic, no cost) and v2 (with the cost per occurrence).
  @OnEvent(ActivityPlannedV1, ActivityPlannedV2)
  async onActivityPlanned(@Payload() event: EnvelopeOf<typeof ActivityPlannedV1 | typeof ActivityPlannedV2>): Promise<void> {
    await this.records.activity(scopeOfEvent(event), event.payload, new Date(event.occurredAt));
  }

  @OnEvent(ActivityCompletedV1, ActivityCompletedV2)
  async onActivityCompleted(@Payload() event: EnvelopeOf<typeof ActivityCompletedV1 | typeof ActivityCompletedV2>): Promise<void> {
    await this.records.activity(scopeOfEvent(event), event.payload, new Date(event.occurredAt));
  }

  @OnEvent(ActivityChangedV1, ActivityChangedV2)
  async onActivityChanged(@Payload() event: EnvelopeOf<typeof ActivityChangedV1 | typeof ActivityChangedV2>): Promise<void> {
    const { changedFields: _fields, ...state } = event.payload;
    await this.records.activity(scopeOfEvent(event), state, new Date(event.occurredAt));
  }

  @OnEvent(ActivityReducedV1, ActivityReducedV2)
  async onActivityReduced(@Payload() event: EnvelopeOf<typeof ActivityReducedV1 | typeof ActivityReducedV2>): Promise<void> {
    const { remedy: _remedy, rationale: _rationale, ...state } = event.payload;
    await this.records.activity(scopeOfEvent(event), state, new Date(event.occurredAt));
  }
}
