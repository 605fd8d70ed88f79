/** What ties the jurisdiction to one country: its partners there, relationships with them, and assets that name it. */
export interface CountryTie {
  /** ISO 3166-1 alpha-2. */
  country: string;
  partners: number;
  relationships: number;
  assets: number;
  /** The three added up: the strength the map colours. */
  total: number;
}

/**
 * Ties per country, strongest first (then by code): partners as the registry
 * counts them, relationships by their partner's country, assets once for each
 * country they name. What has no country yet (imported ties) counts nowhere.
 */
export function tiesByCountry(input: {
  partners: ReadonlyArray<{ country: string; partnerCount: number }>;
  relationships: ReadonlyArray<{ partnerCountry?: string | null }>;
  assets: ReadonlyArray<{ countries: readonly string[] }>;
}): CountryTie[] {
  const ties = new Map<string, CountryTie>();
  const tie = (code: string): CountryTie => {
    const country = code.toUpperCase();
    let found = ties.get(country);
    if (!found) {
      found = { country, partners: 0, relationships: 0, assets: 0, total: 0 };
      ties.set(country, found);
    }
    return found;
  };
  for (const { country, partnerCount } of input.partners) tie(country).partners += partnerCount;
  for (const { partnerCountry } of input.relationships) if (partnerCountry) tie(partnerCountry).relationships += 1;
  for (const { countries } of input.assets) for (const country of new Set(countries.map((code) => code.toUpperCase()))) tie(country).assets += 1;
  const all = [...ties.values()].map((entry) => ({ ...entry, total: entry.partners + entry.relationships + entry.assets })).filter((entry) => entry.total > 0);
  return all.sort((a, b) => b.total - a.total || a.country.localeCompare(b.country));
}

/** Five shades for the map, by strength relative to the strongest country: 0 (none) to 4 (the strongest fifth). */
export function strengthLevel(total: number, strongest: number): 0 | 1 | 2 | 3 | 4 {
  if (total <= 0 || strongest <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((total / strongest) * 4))) as 1 | 2 | 3 | 4;
}
