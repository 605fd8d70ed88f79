import { ValidationError } from '@entente/errors';
import { AssetType } from '../assets/asset-catalogue';
import { buildCountryProfile } from './country-profile';

const asset = (id: string, type: AssetType, countries: string[]) => ({ id, type, countries });

const assets = [
  asset('a1', 'export-sector', ['DK', 'SE']),
  asset('a2', 'export-sector', ['NO']),
  asset('a3', 'inbound-fdi', ['DK']),
  asset('a4', 'outbound-fdi', ['DK']),
  asset('a5', 'diaspora-community', ['DK']),
  asset('a6', 'cultural-tie', ['PL']),
  asset('a7', 'university', ['DK']),
  asset('a8', 'key-industry', []),
];
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
  const profile = buildCountryProfile('dk', { assets, partners, relationships, engagements });

  it('names the country upper-case', () => {
    expect(profile.country).toBe('DK');
  });

  it('sorts the assets naming the country by what they show', () => {
    expect(ids(profile.exports)).toEqual(['a1']);
    expect(ids(profile.fdiInbound)).toEqual(['a3']);
    expect(ids(profile.fdiOutbound)).toEqual(['a4']);
    expect(ids(profile.culturalConnections)).toEqual(['a5']);
    expect(ids(profile.otherAssets)).toEqual(['a7']);
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
    const none = buildCountryProfile('JP', { assets, partners, relationships, engagements });
    expect([none.exports, none.fdiInbound, none.fdiOutbound, none.culturalConnections, none.otherAssets, none.partners, none.relationships, none.engagements].every((l) => l.length === 0)).toBe(true);
  });

  it.each(['Denmark', 'XK', ''])('refuses country %p naming the field', (country) => {
    try {
      buildCountryProfile(country, { assets, partners, relationships, engagements });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('country');
    }
  });

  it('finds the right assets among 10,000', () => {
    // Every 7th asset names DK; types cycle through export, FDI in, FDI out and diaspora.
    const types: AssetType[] = ['export-sector', 'inbound-fdi', 'outbound-fdi', 'diaspora-community'];
    const many = Array.from({ length: 10_000 }, (_, i) => asset(`a${i}`, types[i % 4] as AssetType, i % 7 === 0 ? ['DK', 'DE'] : ['DE']));
    const big = buildCountryProfile('DK', { assets: many, partners: [], relationships: [], engagements: [] });
    // i ≡ 0 (mod 7) and i ≡ k (mod 4) is i ≡ 0, 21, 14, 7 (mod 28): 1,429 multiples of 7 below 10,000,
    // spread 358 / 357 / 357 / 357 because 1,429 = 4 × 357 + 1 and i = 0 starts on export.
    expect(big.exports).toHaveLength(358);
    expect(big.fdiInbound).toHaveLength(357);
    expect(big.fdiOutbound).toHaveLength(357);
    expect(big.culturalConnections).toHaveLength(357);
  });
});
