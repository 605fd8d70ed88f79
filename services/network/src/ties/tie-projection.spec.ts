import type { PartnerPublicState } from '@entente/contracts';
import { applyMergedAway, applyPartnerState, stateOfV1, TieState } from './tie-projection';

const at = (iso: string): Date => new Date(iso);
const aarhus: PartnerPublicState = { partnerId: 'p-1', name: 'Aarhus', kind: 'city', country: 'DK', wikidataId: 'Q25319' };
const tie = (over: Partial<TieState> = {}): TieState => ({
  partnerId: 'p-1',
  country: 'DK',
  partnerName: 'Aarhus',
  partnerKind: 'city',
  mergedInto: null,
  recordedAt: at('2025-01-01T00:00:00Z'),
  sourceEventId: 'e-1',
  ...over,
});

describe('applyPartnerState', () => {
  it('creates the tie of a newly registered partner, with or without a country', () => {
    expect(applyPartnerState(null, { partner: aarhus, at: at('2025-01-01T00:00:00Z'), eventId: 'e-1' })).toEqual(tie());
    expect(applyPartnerState(null, { partner: { ...aarhus, country: null }, at: at('2025-01-01T00:00:00Z'), eventId: 'e-1' })).toEqual(tie({ country: null }));
  });

  it('moves the tie to another country when the partner’s country changes', () => {
    const moved = applyPartnerState(tie(), { partner: { ...aarhus, country: 'SE' }, at: at('2025-02-01T00:00:00Z'), eventId: 'e-2' });
    expect(moved).toEqual(tie({ country: 'SE', recordedAt: at('2025-02-01T00:00:00Z'), sourceEventId: 'e-2' }));
  });

  it('ignores a state older than the one it holds (a replayed registration after an update)', () => {
    expect(applyPartnerState(tie({ country: 'SE', recordedAt: at('2025-02-01T00:00:00Z') }), { partner: aarhus, at: at('2025-01-01T00:00:00Z'), eventId: 'e-1' })).toBeNull();
  });

  it('never brings back a partner merged away, whatever arrives later', () => {
    const tombstone = tie({ mergedInto: 'p-9', recordedAt: at('2025-01-01T00:00:00Z') });
    expect(applyPartnerState(tombstone, { partner: aarhus, at: at('2026-01-01T00:00:00Z'), eventId: 'e-5' })).toBeNull();
  });

  it('reads a v1 registration as a state without a Wikidata id', () => {
    expect(stateOfV1({ partnerId: 'p-1', name: 'Aarhus', kind: 'city', country: 'DK' })).toEqual({ ...aarhus, wikidataId: null });
  });
});

describe('applyMergedAway', () => {
  const merged = { partnerId: 'p-1', survivorId: 'p-9', at: at('2025-03-01T00:00:00Z'), eventId: 'e-m' };

  it('turns the merged partner’s tie into a tombstone', () => {
    expect(applyMergedAway(tie(), merged)).toEqual(tie({ mergedInto: 'p-9', recordedAt: merged.at, sourceEventId: 'e-m' }));
  });

  it('makes a tombstone before the merged partner’s registration has arrived, so that it never counts', () => {
    const tombstone = applyMergedAway(null, merged);
    expect(tombstone).toMatchObject({ partnerId: 'p-1', mergedInto: 'p-9', country: null });
    expect(applyPartnerState(tombstone, { partner: aarhus, at: at('2025-01-01T00:00:00Z'), eventId: 'e-1' })).toBeNull();
  });

  it('changes nothing when the merge is replayed', () => {
    expect(applyMergedAway(tie({ mergedInto: 'p-9' }), merged)).toBeNull();
  });
});
