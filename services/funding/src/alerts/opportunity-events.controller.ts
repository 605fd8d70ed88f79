import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type EnvelopeOf, OpportunityChangedV1, OpportunityOpenedV1, type OpportunityStateV1, OpportunityPublishedV1 } from '@entente/contracts';
import { OnEvent } from '@entente/messaging';
import { AlertDispatcher } from './alert-dispatcher';
import { AlertEvaluator, type EvaluatedOpportunity } from './alert-evaluator';
import { AlertHooks } from './alert-hooks';

export function evaluatedOf(state: OpportunityStateV1): EvaluatedOpportunity {
  return {
    opportunityId: state.opportunityId,
    version: state.version,
    title: state.title,
    reference: state.reference,
    funder: state.funder,
    funderType: state.funderType,
    status: state.status,
    closesAt: state.closesAt ? new Date(state.closesAt) : null,
    award: state.award,
    eligibleApplicantTypes: state.eligibleApplicantTypes,
    eligibleCountries: state.eligibleCountries,
    themes: state.themes,
    url: state.url,
    timeZone: state.timeZone,
  };
}

/**
 * New and changed opportunities, against every saved search. A redelivered
 * event records nothing new (alerts are keyed by search and version), and
 * the dispatcher is kicked so instant alerts leave at once. A change or an
 * opening is then told to the hooks' listeners (followed opportunities:
 * change alerts and reminders that follow a moved deadline).
 */
@Controller()
export class OpportunityEventsController {
  constructor(
    private readonly evaluator: AlertEvaluator,
    private readonly dispatcher: AlertDispatcher,
    private readonly hooks: AlertHooks,
  ) {}

  @OnEvent(OpportunityPublishedV1)
  onPublished(@Payload() event: EnvelopeOf<typeof OpportunityPublishedV1>): Promise<void> {
    return this.evaluate(event.payload);
  }

  @OnEvent(OpportunityChangedV1)
  async onChanged(@Payload() event: EnvelopeOf<typeof OpportunityChangedV1>): Promise<void> {
    const { changedFields, ...state } = event.payload;
    await this.evaluate(state);
    await this.hooks.opportunityChanged({ state, changedFields, occurredAt: new Date(event.occurredAt) });
  }

  @OnEvent(OpportunityOpenedV1)
  async onOpened(@Payload() event: EnvelopeOf<typeof OpportunityOpenedV1>): Promise<void> {
    await this.evaluate(event.payload);
    await this.hooks.opportunityChanged({ state: event.payload, changedFields: null, occurredAt: new Date(event.occurredAt) });
  }

  private async evaluate(state: OpportunityStateV1): Promise<void> {
    if ((await this.evaluator.evaluate(evaluatedOf(state))) > 0) this.dispatcher.kick();
  }
}
