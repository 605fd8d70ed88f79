import { createEvent } from '../envelope/event-factory';
import { InvalidEventError } from '../envelope/invalid-event.error';
import { PartnerMergedV1, PartnerUpdatedV1 } from './partner-changes.v1';
import { PartnerRegisteredV2 } from './partner-registered.v2';

const envelope = { source: 'registry', jurisdictionId: 'jur-1', aggregateId: 'p-1' };
const state = { partnerId: 'p-1', name: 'Aarhus', kind: 'city' as const, country: 'DK', wikidataId: 'Q25319' };

function reasonOf(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
    return (error as InvalidEventError).message;
  }
  throw new Error('expected an invalid event');
}

describe('registry.partner.registered v2', () => {
  it('accepts an unknown country and no Wikidata id', () => {
    const event = createEvent(PartnerRegisteredV2, { ...envelope, payload: { ...state, country: null, wikidataId: null } });
    expect(event.payload).toEqual({ ...state, country: null, wikidataId: null });
    expect(event.version).toBe(2);
  });

  it.each([
    ['a country that is no ISO code', { ...state, country: 'Denmark' }, 'payload.country'],
    ['a Wikidata id that is no item id', { ...state, wikidataId: 'P190' }, 'payload.wikidataId'],
    ['contacts, which stay in the registry', { ...state, contacts: [{ name: 'A. Jensen' }] }, 'contacts'],
    ['notes, which stay in the registry', { ...state, notes: 'internal' }, 'notes'],
  ])('refuses %s', (_case, payload, where) => {
    expect(reasonOf(() => createEvent(PartnerRegisteredV2, { ...envelope, payload: payload as typeof state }))).toContain(where);
  });
});

describe('registry.partner.updated v1 and merged v1', () => {
  it('name internal fields that changed without their values', () => {
    const event = createEvent(PartnerUpdatedV1, { ...envelope, payload: { partner: state, changedFields: ['country', 'contacts'] } });
    expect(event.payload.changedFields).toEqual(['country', 'contacts']);
    expect(reasonOf(() => createEvent(PartnerUpdatedV1, { ...envelope, payload: { partner: state, changedFields: [] } }))).toContain('changedFields');
    expect(reasonOf(() => createEvent(PartnerUpdatedV1, { ...envelope, payload: { partner: state, changedFields: ['secret' as 'name'] } }))).toContain('changedFields');
  });

  it('say which partner survived, which is gone and what moved', () => {
    const payload = { survivor: state, mergedPartnerId: 'p-2', filledFields: ['wikidataId' as const], movedRelationshipIds: ['r-1'], movedEngagementIds: [] };
    expect(createEvent(PartnerMergedV1, { ...envelope, payload }).payload).toEqual(payload);
    expect(reasonOf(() => createEvent(PartnerMergedV1, { ...envelope, payload: { ...payload, mergedPartnerId: '' } }))).toContain('mergedPartnerId');
  });
});
