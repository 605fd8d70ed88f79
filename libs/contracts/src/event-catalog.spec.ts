import { EVENT_CATALOG, EventCatalog } from './event-catalog';
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
