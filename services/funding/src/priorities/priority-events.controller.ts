import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type EnvelopeOf, PriorityChangedV1, PriorityRetiredV1, PrioritySetV1 } from '@entente/contracts';
import { OnEvent } from '@entente/messaging';
import { scopeOfEvent } from '@entente/persistence';
import { PriorityViewRepository } from './priority-view.repository';

/** Planning's priority events, into funding's copy of each jurisdiction's priorities (what matching reads). */
@Controller()
export class PriorityEventsController {
  constructor(private readonly priorities: PriorityViewRepository) {}

  @OnEvent(PrioritySetV1)
  async onSet(@Payload() event: EnvelopeOf<typeof PrioritySetV1>): Promise<void> {
    await this.priorities.apply(scopeOfEvent(event), event.payload, 'active', new Date(event.occurredAt));
  }

  @OnEvent(PriorityChangedV1)
  async onChanged(@Payload() event: EnvelopeOf<typeof PriorityChangedV1>): Promise<void> {
    await this.priorities.apply(scopeOfEvent(event), event.payload, 'active', new Date(event.occurredAt));
  }

  @OnEvent(PriorityRetiredV1)
  async onRetired(@Payload() event: EnvelopeOf<typeof PriorityRetiredV1>): Promise<void> {
    await this.priorities.apply(scopeOfEvent(event), event.payload, 'retired', new Date(event.occurredAt));
  }
}
