import { ASSET_TYPES, AssetCategory, categoryOfAssetType } from './asset-catalogue';
import type { Magnitude } from './asset.rules';
import type { RelationshipStatus, RelationshipType } from '../relationships/relationship.rules';
import type { RelationshipTally } from '../relationships/relationship-tally';
import { AssetTally, summariseTableOne, TableOneRow } from './table-one';

interface SummarisedAsset {
  category: AssetCategory;
  type: string;
  magnitude: Magnitude | null;
}

interface SummarisedRelationship {
  type: RelationshipType;
  status: RelationshipStatus;
}

/** What the database's grouping (AssetRepository.tallies) makes of these assets. */
function tallyAssets(assets: SummarisedAsset[]): AssetTally[] {
  const groups = new Map<string, AssetTally>();
  for (const { category, type, magnitude } of assets) {
    const key = JSON.stringify([category, type, magnitude?.unit ?? null, magnitude?.currency ?? null]);
    const group = groups.get(key) ?? { category, type, figure: magnitude ? { unit: magnitude.unit, currency: magnitude.currency } : null, count: 0, total: 0 };
    group.count += 1;
    group.total += magnitude?.value ?? 0;
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** What RelationshipRepository.tallies makes of these relationships. */
function tallyRelationships(relationships: SummarisedRelationship[]): RelationshipTally[] {
  const groups = new Map<string, RelationshipTally>();
  for (const { type, status } of relationships) {
    const group = groups.get(`${type}/${status}`) ?? { type, status, count: 0 };
    group.count += 1;
    groups.set(`${type}/${status}`, group);
  }
  return [...groups.values()];
}

const summarise = (assets: SummarisedAsset[], relationships: SummarisedRelationship[]): TableOneRow[] =>
  summariseTableOne(tallyAssets(assets), tallyRelationships(relationships));

function row(rows: TableOneRow[], category: string): TableOneRow {
  const found = rows.find((r) => r.category === category);
  if (!found) throw new Error(`no row ${category}`);
  return found;
}

const jobs = (value: number) => ({ value, unit: 'jobs', currency: null });
const eur = (value: number) => ({ value, unit: 'money', currency: 'EUR' });

const assets: SummarisedAsset[] = [
  { category: 'economic-foundations', type: 'key-industry', magnitude: jobs(1200) },
  { category: 'economic-foundations', type: 'major-employer', magnitude: jobs(800) },
  { category: 'economic-foundations', type: 'export-sector', magnitude: eur(5_000_000) },
  { category: 'economic-foundations', type: 'inbound-fdi', magnitude: eur(2_000_000) },
  { category: 'economic-foundations', type: 'inbound-fdi', magnitude: { value: 1_000_000, unit: 'money', currency: 'USD' } },
  { category: 'economic-foundations', type: 'outbound-fdi', magnitude: null },
  { category: 'cultural-and-community-connections', type: 'diaspora-community', magnitude: { value: 3500, unit: 'people', currency: null } },
  { category: 'cultural-and-community-connections', type: 'immigrant-population', magnitude: { value: 12000, unit: 'people', currency: null } },
  { category: 'innovation-strengths', type: 'university', magnitude: { value: 20000, unit: 'students', currency: null } },
  { category: 'institutional-capabilities', type: 'staff-fte', magnitude: { value: 2.5, unit: 'fte', currency: null } },
  { category: 'institutional-capabilities', type: 'international-affairs-budget', magnitude: eur(150_000) },
  { category: 'institutional-capabilities', type: 'partner-organisation-resources', magnitude: { value: 0.5, unit: 'fte', currency: null } },
];

const relationships: SummarisedRelationship[] = [
  { type: 'sister-city', status: 'active' },
  { type: 'sister-city', status: 'dormant' },
  { type: 'mou', status: 'prospective' },
  { type: 'friendship', status: 'ended' },
];

describe('summariseTableOne', () => {
  const rows = summarise(assets, relationships);

  it('has the five categories in catalogue order', () => {
    expect(rows.map((r) => r.category)).toEqual([
      'economic-foundations',
      'cultural-and-community-connections',
      'innovation-strengths',
      'existing-international-relationships',
      'institutional-capabilities',
    ]);
  });

  it('counts economic foundations and sums their figures by unit and currency', () => {
    const economic = row(rows, 'economic-foundations');
    expect(economic.count).toBe(6);
    // jobs 1200 + 800; EUR 5M + 2M; USD 1M on its own.
    expect(economic.keyFigures).toEqual([
      { unit: 'jobs', currency: null, total: 2000, assets: 2 },
      { unit: 'money', currency: 'EUR', total: 7_000_000, assets: 2 },
      { unit: 'money', currency: 'USD', total: 1_000_000, assets: 1 },
    ]);
    expect(economic.byType.map((t) => [t.type, t.count])).toEqual([
      ['key-industry', 1],
      ['major-employer', 1],
      ['export-sector', 1],
      ['inbound-fdi', 2],
      ['outbound-fdi', 1],
    ]);
    expect(economic.byType.find((t) => t.type === 'inbound-fdi')?.keyFigures).toEqual([
      { unit: 'money', currency: 'EUR', total: 2_000_000, assets: 1 },
      { unit: 'money', currency: 'USD', total: 1_000_000, assets: 1 },
    ]);
    expect(economic.byType.find((t) => t.type === 'outbound-fdi')?.keyFigures).toEqual([]);
    expect(economic.byStatus).toEqual([]);
  });

  it('lists types with nothing recorded at zero', () => {
    const cultural = row(rows, 'cultural-and-community-connections');
    expect(cultural.count).toBe(2);
    expect(cultural.keyFigures).toEqual([{ unit: 'people', currency: null, total: 15500, assets: 2 }]);
    expect(cultural.byType.map((t) => [t.type, t.count])).toEqual([
      ['diaspora-community', 1],
      ['immigrant-population', 1],
      ['cultural-tie', 0],
    ]);
    const innovation = row(rows, 'innovation-strengths');
    expect(innovation.count).toBe(1);
    expect(innovation.byType.map((t) => t.count)).toEqual([1, 0, 0]);
  });

  it('counts relationships by type and status in their row', () => {
    const ties = row(rows, 'existing-international-relationships');
    expect(ties.count).toBe(4);
    expect(ties.keyFigures).toEqual([]);
    expect(ties.byStatus).toEqual([
      { status: 'prospective', count: 1 },
      { status: 'active', count: 1 },
      { status: 'dormant', count: 1 },
      { status: 'ended', count: 1 },
    ]);
    expect(ties.byType.map((t) => [t.type, t.count])).toEqual([
      ['sister-city', 2],
      ['sister-state', 0],
      ['friendship', 1],
      ['mou', 1],
      ['trade-office', 0],
      ['institutional-partnership', 0],
      ['network-membership', 0],
    ]);
  });

  it('sums institutional capabilities: 2.5 + 0.5 FTE and the budget', () => {
    const institutional = row(rows, 'institutional-capabilities');
    expect(institutional.count).toBe(3);
    expect(institutional.keyFigures).toEqual([
      { unit: 'fte', currency: null, total: 3, assets: 2 },
      { unit: 'money', currency: 'EUR', total: 150_000, assets: 1 },
    ]);
  });

  it('adds up groups of the same type and figure however the database splits them', () => {
    const jobsGroup = (count: number, total: number): AssetTally => ({ category: 'economic-foundations', type: 'key-industry', figure: { unit: 'jobs', currency: null }, count, total });
    const rows = summariseTableOne([jobsGroup(2, 300), jobsGroup(1, 50), { ...jobsGroup(4, 0), figure: null }], [
      { type: 'mou', status: 'active', count: 2 },
      { type: 'mou', status: 'active', count: 1 },
    ]);
    const economic = row(rows, 'economic-foundations');
    expect(economic.count).toBe(7);
    expect(economic.keyFigures).toEqual([{ unit: 'jobs', currency: null, total: 350, assets: 3 }]);
    expect(economic.byType.find((t) => t.type === 'key-industry')).toEqual({ type: 'key-industry', count: 7, keyFigures: [{ unit: 'jobs', currency: null, total: 350, assets: 3 }] });
    const ties = row(rows, 'existing-international-relationships');
    expect(ties.count).toBe(3);
    expect(ties.byStatus.find((s) => s.status === 'active')?.count).toBe(3);
    expect(ties.byType.find((t) => t.type === 'mou')?.count).toBe(3);
  });

  it('is all zeros for an empty inventory', () => {
    const empty = summarise([], []);
    expect(empty.map((r) => r.count)).toEqual([0, 0, 0, 0, 0]);
    expect(empty.every((r) => r.keyFigures.length === 0)).toBe(true);
  });

  it('totals 10,000 generated assets correctly', () => {
    // Asset i has type ASSET_TYPES[i % 14] and, when i is even, a figure of i jobs.
    const many: SummarisedAsset[] = Array.from({ length: 10_000 }, (_, i) => {
      const type = ASSET_TYPES[i % ASSET_TYPES.length] as (typeof ASSET_TYPES)[number];
      return { category: categoryOfAssetType(type), type, magnitude: i % 2 === 0 ? jobs(i) : null };
    });
    const summary = summarise(many, []);
    const typeCounts = summary.flatMap((r) => (r.category === 'existing-international-relationships' ? [] : r.byType.map((t) => t.count)));
    // 10,000 = 14 × 714 + 4: the first four types get one more.
    expect(typeCounts).toEqual([715, 715, 715, 715, 714, 714, 714, 714, 714, 714, 714, 714, 714, 714]);
    expect(summary.map((r) => r.count)).toEqual([715 * 4 + 714, 714 * 3, 714 * 3, 0, 714 * 3]);
    const jobFigures = summary.flatMap((r) => r.keyFigures);
    // Even i from 0 to 9,998: 2 × (0 + … + 4,999) = 24,995,000 over 5,000 assets.
    expect(jobFigures.reduce((sum, f) => sum + f.total, 0)).toBe(24_995_000);
    expect(jobFigures.reduce((sum, f) => sum + f.assets, 0)).toBe(5000);
  });
});
