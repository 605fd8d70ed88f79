import { ValidationError } from '@entente/errors';
import { buildCountryProfile } from './country-profile';

const section = (count: number, ...assetIds: string[]) => ({ count, keyFigures: [], assets: assetIds.map((id) => ({ id })), hasMore: count > assetIds.length, endCursor: null });
const sections = {
  exports: section(1, 'a1'),
  fdiInbound: section(1, 'a3'),
  fdiOutbound: section(0),
  culturalConnections: section(12, 'a5', 'a6'),
  otherAssets: section(0),
};
const partners = [
  { partnerId: 'p1', name: 'Aarhus', country: 'DK' },
  { partnerId: 'p2', name: 'Gdańsk', country: 'PL' },
  { partnerId: 'p3', name: 'Embassy of Denmark', country: 'DK' },
];
const relationships = [
  { id: 'r1', partnerId: 'p1' },
  { id: 'r2', partnerId: 'p2' },
  { id: 'r3', partnerId: 'p3' },
];
const engagements = [
  { id: 'e1', date: '2024-01-10', partnerIds: ['p1'] },
  { id: 'e2', date: '2025-03-01', partnerIds: ['p2'] },
  { id: 'e3', date: '2025-02-01', partnerIds: ['p2', 'p3'] },
  { id: 'e4', date: '2023-05-05', partnerIds: ['p3'] },
  { id: 'e5', date: '2025-02-01', partnerIds: ['p1'] },
];
const ids = (records: ReadonlyArray<{ id: string }>) => records.map((r) => r.id);

describe('buildCountryProfile', () => {
  const profile = buildCountryProfile('dk', { sections, partners, relationships, engagements });

  it('names the country upper-case', () => {
    expect(profile.country).toBe('DK');
  });

  it('carries the asset sections as given', () => {
    expect(profile.exports).toBe(sections.exports);
    expect(profile.culturalConnections).toMatchObject({ count: 12, hasMore: true });
    expect(ids(profile.culturalConnections.assets)).toEqual(['a5', 'a6']);
  });

  it('gives the partners in the country and the relationships with them', () => {
    expect(profile.partners.map((p) => p.partnerId)).toEqual(['p1', 'p3']);
    expect(ids(profile.relationships)).toEqual(['r1', 'r3']);
  });

  it('gives engagements with any of those partners newest first, same-day ones in the order given', () => {
    expect(ids(profile.engagements)).toEqual(['e3', 'e5', 'e1', 'e4']);
  });

  it('returns the records whole', () => {
    expect(profile.partners[0]).toBe(partners[0]);
  });

  it('is empty for a country with no ties', () => {
    const none = buildCountryProfile('JP', { sections, partners, relationships, engagements });
    expect([none.partners, none.relationships, none.engagements].every((l) => l.length === 0)).toBe(true);
  });

  it.each(['Denmark', 'XK', ''])('refuses country %p naming the field', (country) => {
    try {
      buildCountryProfile(country, { sections, partners, relationships, engagements });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('country');
    }
  });
});
