import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type EnvelopeOf, PartnerMergedV1, PartnerRegisteredV1, PartnerRegisteredV2, PartnerUpdatedV1 } from '@entente/contracts';
import { OnEvent } from '@entente/messaging';
import { stateOfV1 } from './tie-projection';
import { TiesService } from './ties.service';

/** Thin: the transport has validated, deduplicated and traced the event already. */
@Controller()
export class PartnerEventsController {
  constructor(private readonly ties: TiesService) {}

  /** Both versions of registered arrive here: v1 (events already on the topic) and v2. */
  @OnEvent(PartnerRegisteredV1, PartnerRegisteredV2)
  onPartnerRegistered(@Payload() event: EnvelopeOf<typeof PartnerRegisteredV1 | typeof PartnerRegisteredV2>): Promise<void> {
    return this.ties.recordPartnerState(event, event.version === 1 ? stateOfV1(event.payload) : event.payload);
  }

  @OnEvent(PartnerUpdatedV1)
  onPartnerUpdated(@Payload() event: EnvelopeOf<typeof PartnerUpdatedV1>): Promise<void> {
    return this.ties.recordPartnerState(event, event.payload.partner);
  }

  @OnEvent(PartnerMergedV1)
  onPartnerMerged(@Payload() event: EnvelopeOf<typeof PartnerMergedV1>): Promise<void> {
    return this.ties.recordPartnerMerged(event);
  }
}
