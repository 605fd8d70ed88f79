import { EVENT_CATALOG, EventCatalog } from './event-catalog';
import { JurisdictionOffboardedV1 } from './registry/jurisdiction-offboarded.v1';
import { PartnerRegisteredV1 } from './registry/partner-registered.v1';
import { TOPICS, deadLetterTopicOf } from './topics';

describe('EVENT_CATALOG', () => {
  it('finds definitions by type and version', () => {
    expect(EVENT_CATALOG.find('registry.partner.registered', 1)).toBe(PartnerRegisteredV1);
    expect(EVENT_CATALOG.find('registry.jurisdiction.offboarded', 1)).toBe(JurisdictionOffboardedV1);
    expect(EVENT_CATALOG.find('registry.partner.registered', 2)).toBeUndefined();
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
