/**
 * Likely duplicates among a jurisdiction's partners: the same Wikidata item,
 * or the same name (normalised) in the same country. A partner whose country
 * is unknown (an imported twinning tie) is also reported beside partners of
 * the same name in any country — "same-name-country-unknown" — because that
 * is how a typed-in "Aarhus, DK" and an imported Aarhus (Q25319) meet; it
 * stays a weaker reason, for a person to confirm by merging or not, since
 * "Springfield" with no country is not every Springfield.
 * Pure, so the rule is tested without a database.
 */

export type DuplicateReason = 'same-wikidata-id' | 'same-name-and-country' | 'same-name-country-unknown';

export interface DuplicateCandidate {
  partnerId: string;
  name: string;
  country: string | null;
  wikidataId: string | null;
}

export interface DuplicateGroup {
  reason: DuplicateReason;
  /** The Wikidata id, or the normalised name and country, the group shares. */
  key: string;
  /** In the order the partners were given (oldest first, as listed). */
  partnerIds: string[];
}

export interface LikelyDuplicate {
  partnerId: string;
  reason: DuplicateReason;
}

/** Letters that NFKD does not take apart but that sources spell either way. */
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Case, accents, punctuation and spacing vary between sources ("Göteborg",
 * "Goteborg", "GÖTEBORG", "Frankfurt (Oder)" and "Frankfurt/Oder"); they do
 * not make a different place.
 */
export function normalisePartnerName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function nameAndCountryKey(partner: DuplicateCandidate): string | null {
  if (partner.country === null) return null;
  const name = normalisePartnerName(partner.name);
  return name === '' ? null : `${name} (${partner.country})`;
}

/** Every group of two or more partners that look like one counterpart, Wikidata groups first. */
export function findDuplicateGroups(partners: readonly DuplicateCandidate[]): DuplicateGroup[] {
  const groups: DuplicateGroup[] = [];
  const collect = (reason: DuplicateReason, keyOf: (p: DuplicateCandidate) => string | null): void => {
    const byKey = new Map<string, string[]>();
    for (const partner of partners) {
      const key = keyOf(partner);
      if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), partner.partnerId]);
    }
    for (const [key, partnerIds] of byKey) if (partnerIds.length > 1) groups.push({ reason, key, partnerIds });
  };
  collect('same-wikidata-id', (p) => p.wikidataId);
  collect('same-name-and-country', nameAndCountryKey);
  const unknownCountryNames = new Set(partners.filter((p) => p.country === null).map((p) => normalisePartnerName(p.name)));
  collect('same-name-country-unknown', (p) => {
    const name = normalisePartnerName(p.name);
    return name !== '' && unknownCountryNames.has(name) ? name : null;
  });
  return groups;
}

/** The other partners that look like `partner`, each once, with the strongest reason (Wikidata first). */
export function likelyDuplicatesOf(partner: DuplicateCandidate, others: readonly DuplicateCandidate[]): LikelyDuplicate[] {
  const key = nameAndCountryKey(partner);
  const found: LikelyDuplicate[] = [];
  for (const other of others) {
    if (other.partnerId === partner.partnerId) continue;
    if (partner.wikidataId !== null && other.wikidataId === partner.wikidataId) found.push({ partnerId: other.partnerId, reason: 'same-wikidata-id' });
    else if (key !== null && nameAndCountryKey(other) === key) found.push({ partnerId: other.partnerId, reason: 'same-name-and-country' });
    else if ((partner.country === null || other.country === null) && sameName(partner, other)) found.push({ partnerId: other.partnerId, reason: 'same-name-country-unknown' });
  }
  return found;
}

function sameName(a: DuplicateCandidate, b: DuplicateCandidate): boolean {
  const name = normalisePartnerName(a.name);
  return name !== '' && name === normalisePartnerName(b.name);
}
