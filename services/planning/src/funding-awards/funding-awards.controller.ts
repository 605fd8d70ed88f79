import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ApplicationAwardedV1, type EnvelopeOf } from '@entente/contracts';
import { OnEvent } from '@entente/messaging';
import { scopeOfEvent } from '@entente/persistence';
import { FundingAwards } from './funding-awards';

/** Funding's awards, into the plan of their year as external funding lines. */
@Controller()
export class FundingAwardsController {
  constructor(private readonly awards: FundingAwards) {}

  @OnEvent(ApplicationAwardedV1)
  async onAwarded(@Payload() event: EnvelopeOf<typeof ApplicationAwardedV1>): Promise<void> {
    await this.awards.apply(scopeOfEvent(event), event.payload);
  }
}
