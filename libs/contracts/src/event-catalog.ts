import { type EventDefinition, eventLabel } from './envelope/event-definition';
import { AssetRecordedV1, AssetRemovedV1, AssetUpdatedV1 } from './registry/asset-events.v1';
import { JurisdictionOnboardedV1, JurisdictionStatusChangedV1, JurisdictionUpdatedV1 } from './registry/jurisdiction-events.v1';
import { JurisdictionOffboardedV1 } from './registry/jurisdiction-offboarded.v1';
import { PartnerMergedV1, PartnerUpdatedV1 } from './registry/partner-changes.v1';
import { PartnerRegisteredV1 } from './registry/partner-registered.v1';
import { PartnerRegisteredV2 } from './registry/partner-registered.v2';
import { RelationshipEstablishedV1 } from './registry/relationship-established.v1';
import { RelationshipEstablishedV2 } from './registry/relationship-established.v2';
import { RelationshipStatusChangedV1 } from './registry/relationship-status-changed.v1';
import { EngagementLoggedV1 } from './registry/engagement-logged.v1';
import { ActivityChangedV1, ActivityCompletedV1, ActivityPlannedV1, ActivityReducedV1 } from './planning/activity-events.v1';
import { ActivityChangedV2, ActivityCompletedV2, ActivityPlannedV2, ActivityReducedV2 } from './planning/activity-events.v2';
import { PlanApprovedV1, PlanClosedV1, PlanSubmittedV1 } from './planning/plan-events.v1';
import { PriorityChangedV1, PriorityRetiredV1, PrioritySetV1 } from './planning/priority-events.v1';
import { NetworkMemberInvitedV1, NetworkMemberJoinedV1, NetworkMemberLeftV1 } from './network/membership-events.v1';
import { JointEffortParticipantJoinedV1 } from './network/joint-effort-events.v1';
import { ApplicationAwardedV1 } from './funding/pipeline-events.v1';
import { OpportunityChangedV1, OpportunityClosedV1, OpportunityClosingSoonV1, OpportunityOpenedV1, OpportunityPublishedV1 } from './funding/opportunity-events.v1';
import { ScoutingRunFinishedV1 } from './funding/scouting-events.v1';

/**
 * Looks up event definitions by (type, version), so a consumer can validate
 * whatever arrives on a topic against the schema its producer used.
 */
export class EventCatalog {
  private readonly byKey = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[]) {
    for (const definition of definitions) {
      const key = eventLabel(definition.type, definition.version);
      if (this.byKey.has(key)) throw new Error(`${key} is defined twice`);
      this.byKey.set(key, definition);
    }
  }

  find(type: string, version: number): EventDefinition | undefined {
    return this.byKey.get(eventLabel(type, version));
  }

  /** Every version of one event type, oldest first. */
  versionsOf(type: string): EventDefinition[] {
    return this.definitions.filter((d) => d.type === type).sort((a, b) => a.version - b.version);
  }

  get definitions(): EventDefinition[] {
    return [...this.byKey.values()];
  }

  /** The distinct topics these definitions are published on. */
  topics(): string[] {
    return [...new Set(this.definitions.map((d) => d.topic))];
  }

  /** A new catalog with extra definitions, e.g. test-only events in a spec. */
  with(...definitions: EventDefinition[]): EventCatalog {
    return new EventCatalog([...this.definitions, ...definitions]);
  }
}

/** Every event of the platform. Adding an event means adding it here. */
export const EVENT_CATALOG = new EventCatalog([PartnerRegisteredV1, PartnerRegisteredV2, PartnerUpdatedV1, PartnerMergedV1, JurisdictionOnboardedV1, JurisdictionUpdatedV1, JurisdictionStatusChangedV1, JurisdictionOffboardedV1, AssetRecordedV1, AssetUpdatedV1, AssetRemovedV1, RelationshipEstablishedV1, RelationshipEstablishedV2, RelationshipStatusChangedV1, EngagementLoggedV1, PrioritySetV1, PriorityChangedV1, PriorityRetiredV1, PlanSubmittedV1, PlanApprovedV1, PlanClosedV1, ActivityPlannedV1, ActivityChangedV1, ActivityCompletedV1, ActivityReducedV1, ActivityPlannedV2, ActivityChangedV2, ActivityCompletedV2, ActivityReducedV2, NetworkMemberInvitedV1, NetworkMemberJoinedV1, NetworkMemberLeftV1, JointEffortParticipantJoinedV1, ApplicationAwardedV1, OpportunityPublishedV1, OpportunityChangedV1, OpportunityOpenedV1, OpportunityClosingSoonV1, OpportunityClosedV1, ScoutingRunFinishedV1]);


