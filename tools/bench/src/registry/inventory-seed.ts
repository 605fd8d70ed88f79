import { seededRandom } from '@entente/random';
import { ASSET_TYPES, AssetType, ENGAGEMENT_TYPES, RELATIONSHIP_TYPES, categoryOfAssetType, type EstablishRelationshipInput, type LogEngagementInput, type RecordAssetInput } from '@entente/registry';

/**
 * A jurisdiction's inventory as an international office would keep it: every
 * Table 1 type, a few dozen countries of which a handful dominate (a city's
 * ties cluster around its neighbours and main markets), figures in the units
 * each type is counted in, and partners, relationships and engagements. The
 * same seed always yields the same inventory, so runs compare.
 */

/** Most-tied first: country i is drawn with weight 1/(i+1). */
export const SEED_COUNTRIES = [
  'DK', 'PL', 'SE', 'US', 'CN', 'NO', 'FI', 'GB', 'FR', 'NL', 'LT', 'LV', 'EE', 'IT', 'ES', 'JP', 'KR', 'IN', 'BR', 'CA',
  'AU', 'NZ', 'TR', 'UA', 'CZ', 'AT', 'CH', 'BE', 'IE', 'PT', 'GR', 'HU', 'RO', 'BG', 'HR', 'SI', 'SK', 'IS', 'MX', 'ZA',
] as const;

/** The country a profile of the seeded jurisdiction finds the most in. */
export const BUSIEST_COUNTRY = SEED_COUNTRIES[0];

const SECTORS = [
  'maritime', 'logistics', 'renewable energy', 'life sciences', 'tourism', 'food processing', 'software', 'advanced manufacturing',
  'higher education', 'creative industries', 'agriculture', 'financial services', 'aerospace', 'health care', 'construction',
];

const SOURCES = ['Chamber of Commerce', 'Economic Development Agency', 'Statistics Office', 'University International Office', 'Port Authority', 'Tourism Board'];

/** How each type is counted; null where a figure is unusual. FDI, exports and budgets are money. */
const UNIT_OF: Record<AssetType, { unit: string; currencies?: string[]; scale: number } | null> = {
  'key-industry': { unit: 'jobs', scale: 20_000 },
  'major-employer': { unit: 'employees', scale: 5_000 },
  'export-sector': { unit: 'money', currencies: ['EUR', 'EUR', 'USD'], scale: 500_000_000 },
  'inbound-fdi': { unit: 'money', currencies: ['EUR', 'USD', 'DKK'], scale: 200_000_000 },
  'outbound-fdi': { unit: 'money', currencies: ['EUR', 'USD'], scale: 100_000_000 },
  'diaspora-community': { unit: 'people', scale: 8_000 },
  'immigrant-population': { unit: 'people', scale: 15_000 },
  'cultural-tie': null,
  university: { unit: 'students', scale: 30_000 },
  'research-centre': { unit: 'researchers', scale: 800 },
  'civic-or-nonprofit-organisation': { unit: 'members', scale: 2_000 },
  'staff-fte': { unit: 'fte', scale: 12 },
  'international-affairs-budget': { unit: 'money', currencies: ['EUR'], scale: 2_000_000 },
  'partner-organisation-resources': { unit: 'fte', scale: 40 },
};

/** How many countries an asset of the type names: [min, max]. */
const COUNTRIES_OF: Record<AssetType, [number, number]> = {
  'key-industry': [0, 3],
  'major-employer': [0, 2],
  'export-sector': [1, 4],
  'inbound-fdi': [1, 1],
  'outbound-fdi': [1, 2],
  'diaspora-community': [1, 1],
  'immigrant-population': [1, 1],
  'cultural-tie': [1, 2],
  university: [0, 3],
  'research-centre': [0, 2],
  'civic-or-nonprofit-organisation': [0, 1],
  'staff-fte': [0, 0],
  'international-affairs-budget': [0, 0],
  'partner-organisation-resources': [0, 1],
};

export class InventorySeed {
  private readonly random: () => number;
  private readonly countryWeights: number[];

  constructor(seed: number) {
    this.random = seededRandom(seed);
    let total = 0;
    this.countryWeights = SEED_COUNTRIES.map((_, i) => (total += 1 / (i + 1)));
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  country(): string {
    const total = this.countryWeights[this.countryWeights.length - 1] as number;
    const target = this.random() * total;
    const index = this.countryWeights.findIndex((w) => w >= target);
    return SEED_COUNTRIES[index] as string;
  }

  private date(fromYear: number, toYear: number): string {
    const year = this.int(fromYear, toYear);
    return `${year}-${String(this.int(1, 12)).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`;
  }

  /** The i-th asset: types cycle so that every type is well represented, the rest is drawn. */
  asset(i: number): RecordAssetInput {
    const type = ASSET_TYPES[i % ASSET_TYPES.length] as AssetType;
    const [minCountries, maxCountries] = COUNTRIES_OF[type];
    const countries = new Set<string>();
    const wanted = this.int(minCountries, maxCountries);
    while (countries.size < wanted) countries.add(this.country());
    const sectors = new Set<string>();
    const sectorCount = this.int(0, 3);
    while (sectors.size < sectorCount) sectors.add(this.pick(SECTORS));
    const unit = UNIT_OF[type];
    const withFigure = unit !== null && this.random() < 0.85;
    const source = this.pick(SOURCES);
    return {
      name: `${type.replace(/-/g, ' ')} ${i + 1}`,
      description: `Recorded from the ${source} inventory of ${this.date(2019, 2024).slice(0, 4)}; ${[...sectors].join(', ') || 'cross-sector'} with ties to ${[...countries].join(', ') || 'no particular country'}.`,
      category: categoryOfAssetType(type),
      type,
      countries: [...countries],
      sectors: [...sectors],
      magnitude: withFigure
        ? { value: Math.round(this.random() * unit.scale * 100) / 100, unit: unit.unit, currency: unit.currencies ? this.pick(unit.currencies) : null }
        : null,
      sourceOrganisation: source,
      asOf: withFigure || this.random() < 0.5 ? this.date(2020, 2025) : null,
      confidentiality: this.pick(['internal', 'network', 'network', 'public']),
    };
  }

  partner(i: number): { name: string; kind: string; country: string } {
    const kinds = ['city', 'city', 'city', 'region', 'chamber', 'university', 'embassy-or-consulate', 'business-association', 'national-body', 'network'];
    return { name: `Partner ${i + 1}`, kind: this.pick(kinds), country: this.country() };
  }

  relationship(partnerId: string): EstablishRelationshipInput {
    const status = this.pick(['active', 'active', 'active', 'prospective', 'dormant', 'ended']);
    const since = this.date(1990, 2023);
    return {
      partnerId,
      type: this.pick(RELATIONSHIP_TYPES),
      status,
      since,
      until: status === 'ended' ? this.date(2024, 2025) : null,
      formalBasis: this.random() < 0.6 ? 'Council resolution' : null,
      politicalCycle: this.random() < 0.4 ? `${since.slice(0, 4)} council` : null,
      technicalOwner: this.random() < 0.7 ? 'International Office' : null,
      leadDepartment: this.random() < 0.7 ? this.pick(['Economic Development', 'Culture', 'Mayor’s Office', 'Education']) : null,
    };
  }

  engagement(partnerIds: readonly string[]): LogEngagementInput {
    const many = this.random() < 0.2 && partnerIds.length > 1;
    const chosen = new Set<string>([this.pick(partnerIds)]);
    if (many) chosen.add(this.pick(partnerIds));
    return {
      date: this.date(2018, 2025),
      type: this.pick(ENGAGEMENT_TYPES),
      partnerIds: [...chosen],
      purpose: 'Follow up on the joint programme and agree the next steps',
      outcomes: this.random() < 0.7 ? 'Agreed a delegation and a shared funding bid' : null,
      nextSteps: this.random() < 0.5 ? 'Draft the memorandum' : null,
      cost: this.random() < 0.5 ? { amount: this.int(100, 20_000), currency: 'EUR' } : null,
      staffDays: this.random() < 0.6 ? this.int(1, 40) / 2 : null,
    };
  }
}
