import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, PartnerRegisteredV1, PartnerRegisteredV1Payload } from '@entente/contracts';
import { TiesService } from './ties.service';

/** Thin: the transport has validated, deduplicated and traced the event already. */
@Controller()
export class PartnerEventsController {
  constructor(private readonly ties: TiesService) {}

  @EventPattern(PartnerRegisteredV1.type)
  onPartnerRegistered(@Payload() event: EventEnvelope<PartnerRegisteredV1Payload>): Promise<void> {
    return this.ties.recordPartnerRegistered(event);
  }
}
