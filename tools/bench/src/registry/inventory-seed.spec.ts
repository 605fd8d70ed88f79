import { BUSIEST_COUNTRY, InventorySeed } from './inventory-seed';
import { ASSET_TYPES, parseEngagement, parseRecordAsset, parseRelationship } from '@entente/registry';

describe('InventorySeed', () => {
  const inventory = (seed: InventorySeed) => Array.from({ length: 300 }, (_, i) => seed.asset(i));

  it('makes assets the registry accepts, of every Table 1 type', () => {
    const seed = new InventorySeed(7);
    const parsed = Array.from({ length: 1400 }, (_, i) => parseRecordAsset(seed.asset(i)));
    expect(new Set(parsed.map((asset) => asset.type))).toEqual(new Set(ASSET_TYPES));
    expect(parsed.some((asset) => asset.magnitude?.unit === 'money' && asset.magnitude.currency !== null)).toBe(true);
  });

  it('ties most assets that name a country to the busiest one', () => {
    const seed = new InventorySeed(7);
    const named = Array.from({ length: 2000 }, (_, i) => seed.asset(i).countries ?? []).flat();
    const counts = new Map<string, number>();
    for (const country of named) counts.set(country, (counts.get(country) ?? 0) + 1);
    const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(busiest).toBe(BUSIEST_COUNTRY);
  });

  it('makes relationships and engagements the registry accepts', () => {
    const seed = new InventorySeed(3);
    for (let i = 0; i < 200; i += 1) {
      expect(() => parseRelationship(seed.relationship(`p${i}`))).not.toThrow();
      expect(() => parseEngagement(seed.engagement(['p1', 'p2', 'p3']))).not.toThrow();
    }
  });

  it('yields the same inventory for the same seed', () => {
    expect(inventory(new InventorySeed(7))).toEqual(inventory(new InventorySeed(7)));
    expect(inventory(new InventorySeed(8))).not.toEqual(inventory(new InventorySeed(7)));
  });
});
