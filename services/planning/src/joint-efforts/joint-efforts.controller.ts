import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { type EnvelopeOf, JointEffortParticipantJoinedV1 } from '@entente/contracts';
import { OnEvent } from '@entente/messaging';
import { scopeOfEvent } from '@entente/persistence';
import { JointEffortActivities } from './joint-effort-activities';

/** A member's joining of a network's joint effort, into its plan as a proposed activity. */
@Controller()
export class JointEffortsController {
  constructor(private readonly activities: JointEffortActivities) {}

  @OnEvent(JointEffortParticipantJoinedV1)
  async onJoined(@Payload() event: EnvelopeOf<typeof JointEffortParticipantJoinedV1>): Promise<void> {
    await this.activities.apply(scopeOfEvent(event), event.payload);
  }
}
