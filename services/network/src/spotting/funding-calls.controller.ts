import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type EnvelopeOf, OpportunityChangedV1, OpportunityClosedV1, OpportunityOpenedV1, OpportunityPublishedV1, type OpportunityStateV1 } from '@entente/contracts';
import { OnEvent } from '@entente/messaging';
import { SpottingService } from './spotting.service';
import type { OpenCall } from './suggestion';

/** What spotting keeps of a call: the fields a joint bid is judged on. */
function openCallOf(state: OpportunityStateV1): OpenCall {
  const { opportunityId, title, funder, status, closesAt, jointBidsAllowed, eligibleApplicantTypes, eligibleCountries, themes } = state;
  return { opportunityId, title, funder, status, closesAt, jointBidsAllowed, eligibleApplicantTypes, eligibleCountries, themes };
}

/** Funding's calls feed the joint-bid rule; thin, one handler per event type. A redelivered or overtaken state changes nothing. */
@Controller()
export class FundingCallsController {
  constructor(private readonly spotting: SpottingService) {}

  @OnEvent(OpportunityPublishedV1)
  async onPublished(@Payload() event: EnvelopeOf<typeof OpportunityPublishedV1>): Promise<void> {
    await this.spotting.callChanged(openCallOf(event.payload), event.payload.version);
  }

  @OnEvent(OpportunityOpenedV1)
  async onOpened(@Payload() event: EnvelopeOf<typeof OpportunityOpenedV1>): Promise<void> {
    await this.spotting.callChanged(openCallOf(event.payload), event.payload.version);
  }

  @OnEvent(OpportunityChangedV1)
  async onChanged(@Payload() event: EnvelopeOf<typeof OpportunityChangedV1>): Promise<void> {
    const { changedFields: _changed, ...state } = event.payload;
    await this.spotting.callChanged(openCallOf(state), state.version);
  }

  @OnEvent(OpportunityClosedV1)
  async onClosed(@Payload() event: EnvelopeOf<typeof OpportunityClosedV1>): Promise<void> {
    await this.spotting.callChanged(openCallOf(event.payload), event.payload.version);
  }
}
