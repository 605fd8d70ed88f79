/** A Wikidata item id: `Q` and a positive number without leading zeros, such as Q64 (Berlin). */
export const WIKIDATA_ID_PATTERN = /^Q[1-9]\d{0,11}$/;

export function isWikidataId(value: unknown): value is string {
  return typeof value === 'string' && WIKIDATA_ID_PATTERN.test(value);
}
