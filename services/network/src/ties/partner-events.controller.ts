import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EventEnvelope,
  isEventOf,
  PartnerMergedV1,
  PartnerMergedV1Payload,
  PartnerRegisteredV1,
  PartnerRegisteredV2,
  PartnerUpdatedV1,
  PartnerUpdatedV1Payload,
} from '@entente/contracts';
import { stateOfV1 } from './tie-projection';
import { TiesService } from './ties.service';

/** Thin: the transport has validated, deduplicated and traced the event already. */
@Controller()
export class PartnerEventsController {
  constructor(private readonly ties: TiesService) {}

  /** Every version of registered arrives here: v1 (events already on the topic) and v2. */
  @EventPattern(PartnerRegisteredV2.type)
  onPartnerRegistered(@Payload() event: EventEnvelope): Promise<void> {
    if (isEventOf(PartnerRegisteredV1, event)) return this.ties.recordPartnerState(event, stateOfV1(event.payload));
    if (isEventOf(PartnerRegisteredV2, event)) return this.ties.recordPartnerState(event, event.payload);
    throw new Error(`no handling for ${event.type} v${event.version}`);
  }

  @EventPattern(PartnerUpdatedV1.type)
  onPartnerUpdated(@Payload() event: EventEnvelope<PartnerUpdatedV1Payload>): Promise<void> {
    return this.ties.recordPartnerState(event, event.payload.partner);
  }

  @EventPattern(PartnerMergedV1.type)
  onPartnerMerged(@Payload() event: EventEnvelope<PartnerMergedV1Payload>): Promise<void> {
    return this.ties.recordPartnerMerged(event);
  }
}
