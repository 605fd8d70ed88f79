import { EVENT_CATALOG, EventCatalog } from './event-catalog';
import { ActivityChangedV1, ActivityCompletedV1, ActivityPlannedV1, ActivityReducedV1 } from './planning/activity-events.v1';
import { ActivityChangedV2, ActivityCompletedV2, ActivityPlannedV2, ActivityReducedV2 } from './planning/activity-events.v2';
import { JurisdictionOffboardedV1 } from './registry/jurisdiction-offboarded.v1';
import { PartnerMergedV1, PartnerUpdatedV1 } from './registry/partner-changes.v1';
import { PartnerRegisteredV1 } from './registry/partner-registered.v1';
import { PartnerRegisteredV2 } from './registry/partner-registered.v2';
import { RelationshipEstablishedV1 } from './registry/relationship-established.v1';
import { RelationshipEstablishedV2 } from './registry/relationship-established.v2';
import { TOPICS, deadLetterTopicOf } from './topics';

describe('EVENT_CATALOG', () => {
  it('finds definitions by type and version', () => {
    expect(EVENT_CATALOG.find('registry.partner.registered', 1)).toBe(PartnerRegisteredV1);
    expect(EVENT_CATALOG.find('registry.jurisdiction.offboarded', 1)).toBe(JurisdictionOffboardedV1);
    expect(EVENT_CATALOG.find('registry.partner.registered', 3)).toBeUndefined();
  });

  it('keeps v1 of partner registered beside v2, and the partner events on one topic so one partner’s events stay in order', () => {
    expect(EVENT_CATALOG.versionsOf('registry.partner.registered')).toEqual([PartnerRegisteredV1, PartnerRegisteredV2]);
    expect(EVENT_CATALOG.find('registry.partner.updated', 1)).toBe(PartnerUpdatedV1);
    expect(EVENT_CATALOG.find('registry.partner.merged', 1)).toBe(PartnerMergedV1);
    for (const definition of [PartnerRegisteredV1, PartnerRegisteredV2, PartnerUpdatedV1, PartnerMergedV1]) expect(definition.topic).toBe(TOPICS.registryPartner);
  });

  it('keeps v1 of relationship established beside v2 (whose partner country may be unknown) on one topic', () => {
    expect(EVENT_CATALOG.versionsOf('registry.relationship.established')).toEqual([RelationshipEstablishedV1, RelationshipEstablishedV2]);
    expect(RelationshipEstablishedV2.topic).toBe(RelationshipEstablishedV1.topic);
  });

  it('keeps v1 of each activity event beside v2 (which carries the cost per occurrence) on the one activity topic', () => {
    const pairs = [
      [ActivityPlannedV1, ActivityPlannedV2],
      [ActivityChangedV1, ActivityChangedV2],
      [ActivityCompletedV1, ActivityCompletedV2],
      [ActivityReducedV1, ActivityReducedV2],
    ] as const;
    for (const [v1, v2] of pairs) {
      expect(EVENT_CATALOG.versionsOf(v1.type)).toEqual([v1, v2]);
      expect(v2.topic).toBe(TOPICS.planningActivity);
    }
    const state = {
      activityId: 'act-1',
      year: 2027,
      planVersion: 1,
      title: 'Tokyo mission',
      type: 'outbound-delegation',
      mode: 'in-person',
      frequency: 'one-off',
      occurrences: 1,
      status: 'planned',
      country: 'JP',
      city: null,
      windowStart: '2027-05-03',
      windowEnd: '2027-05-10',
      priorityIds: [],
    };
    const cost = { amount: 42500, currency: 'EUR' };
    expect(ActivityPlannedV2.schema.parse({ ...state, cost })).toEqual({ ...state, cost });
    expect(ActivityPlannedV1.schema.safeParse({ ...state, cost }).success).toBe(false);
    expect(ActivityPlannedV2.schema.safeParse(state).success).toBe(false);
    expect(ActivityPlannedV2.schema.safeParse({ ...state, cost: { amount: 1, currency: 'XYZ' } }).success).toBe(false);
    expect(ActivityPlannedV2.schema.safeParse({ ...state, cost: { amount: -1, currency: 'EUR' } }).success).toBe(false);
    expect(ActivityReducedV2.schema.parse({ ...state, cost, remedy: 'go-virtual', rationale: 'budget' })).toMatchObject({ cost, remedy: 'go-virtual' });
  });

  it('publishes only on topics declared in TOPICS, each versioned in its name', () => {
    const declared: string[] = Object.values(TOPICS);
    for (const topic of EVENT_CATALOG.topics()) {
      expect(declared).toContain(topic);
      expect(topic).toMatch(/\.v\d+$/);
    }
  });

  it('refuses the same (type, version) twice', () => {
    expect(() => new EventCatalog([PartnerRegisteredV1, PartnerRegisteredV1])).toThrow('defined twice');
  });

  it('names dead-letter topics after their source topic', () => {
    expect(deadLetterTopicOf(TOPICS.registryPartner)).toBe('registry.partner.v1.dlq');
  });
});
