import { isIsoCountryCode } from '@entente/contracts';
import { ValidationError } from '@entente/errors';
import { parseRegisterPartner, RegisterPartnerCommand } from '../partners/partner.rules';
import { normalisePartnerName } from '../partners/partner-duplicates';

/**
 * What importing twinning ties would do to one jurisdiction, computed without
 * touching the database so it can be shown for confirmation, tested, and
 * applied in one go. Pure and deterministic: the same inputs give the same
 * plan in the same order, and a plan computed after applying a previous one
 * creates nothing new.
 *
 * Country: neither the TSV nor a city's P190 claims give one (the entity JSON
 * names countries as Wikidata items, not ISO codes). The caller may pass what
 * it knows as a QID → ISO code map; a place of unknown country is not guessed
 * at: its partner is created with country null (unknown) and flagged in
 * `needsCountry` for a person to supply, together with same-named partners
 * that may be the same place. A tie to a partner that already exists needs no
 * country.
 */

/** A tie from either source: the TSV (label from names.tsv) or the entity JSON (dates). */
export interface ImportTie {
  readonly counterpartQid: string;
  readonly counterpartLabel?: string;
  readonly since?: string;
  readonly until?: string;
}

export interface ExistingPartner {
  readonly partnerId: string;
  readonly wikidataId?: string | null;
  readonly name: string;
  /** Null while unknown. */
  readonly country: string | null;
}

/** P190 is "twinned administrative body": a sister-city tie, in the relationship types. */
export const IMPORTED_RELATIONSHIP_TYPE = 'sister-city';
/** Imported ties are claims from public data until a person confirms them. */
export const IMPORTED_RELATIONSHIP_STATUS = 'prospective';

export interface PlannedPartner extends RegisterPartnerCommand {
  readonly wikidataId: string;
}

export interface PlannedRelationship {
  /** An existing partner by id, or one this plan creates, by its Wikidata id. */
  readonly partner: { readonly partnerId: string } | { readonly newPartnerWikidataId: string };
  readonly type: typeof IMPORTED_RELATIONSHIP_TYPE;
  readonly status: typeof IMPORTED_RELATIONSHIP_STATUS;
  readonly since?: string;
  readonly until?: string;
  readonly wikidataId: string;
}

export type SkipReason = 'relationship-exists' | 'duplicate-tie' | 'same-name-and-country-in-this-import' | 'invalid-partner';

export interface SkippedTie {
  readonly wikidataId: string;
  readonly reason: SkipReason;
  readonly detail: string;
  readonly partnerId?: string;
}

/** A partner this plan creates with country null: flagged for a person to supply it. */
export interface TieNeedingCountry {
  readonly wikidataId: string;
  readonly name: string;
  /** An existing partner of that name in some country: perhaps the same place, to be checked. */
  readonly possibleMatches: readonly string[];
}

export interface TwinningImportPlan {
  readonly partnersToCreate: readonly PlannedPartner[];
  readonly relationshipsToCreate: readonly PlannedRelationship[];
  readonly skipped: readonly SkippedTie[];
  /** The partners in partnersToCreate whose country is unknown (null). */
  readonly needsCountry: readonly TieNeedingCountry[];
}

export interface TwinningImportInput {
  /** The importing jurisdiction's own Wikidata id: a tie to itself is never a partner. */
  readonly jurisdictionQid: string;
  readonly ties: readonly ImportTie[];
  readonly existingPartners: readonly ExistingPartner[];
  /** Partners the jurisdiction already has a relationship with, of any type or status. */
  readonly partnersWithRelationship: ReadonlySet<string>;
  /** ISO 3166-1 alpha-2 country of each counterpart, where known. */
  readonly countries?: ReadonlyMap<string, string>;
}

function nameCountryKey(name: string, country: string): string {
  return `${normalisePartnerName(name)}\u0000${country.toUpperCase()}`;
}

export function planTwinningImport(input: TwinningImportInput): TwinningImportPlan {
  const byWikidataId = new Map<string, ExistingPartner>();
  const byNameAndCountry = new Map<string, ExistingPartner>();
  const byName = new Map<string, string[]>();
  // Sorted so that which of two duplicate partners a tie matches never depends on input order.
  const existing = [...input.existingPartners].sort((a, b) => (a.partnerId < b.partnerId ? -1 : a.partnerId > b.partnerId ? 1 : 0));
  for (const partner of existing) {
    if (partner.wikidataId && !byWikidataId.has(partner.wikidataId)) byWikidataId.set(partner.wikidataId, partner);
    if (partner.country !== null) {
      const key = nameCountryKey(partner.name, partner.country);
      if (!byNameAndCountry.has(key)) byNameAndCountry.set(key, partner);
    }
    const name = normalisePartnerName(partner.name);
    byName.set(name, [...(byName.get(name) ?? []), partner.partnerId]);
  }

  const partnersToCreate: PlannedPartner[] = [];
  const relationshipsToCreate: PlannedRelationship[] = [];
  const skipped: SkippedTie[] = [];
  const needsCountry: TieNeedingCountry[] = [];
  const seenTies = new Set<string>();
  const plannedByNameAndCountry = new Map<string, string>();
  const relatedPartners = new Set(input.partnersWithRelationship);

  const relate = (wikidataId: string, partner: PlannedRelationship['partner'], tie: ImportTie): void => {
    relationshipsToCreate.push({
      partner,
      type: IMPORTED_RELATIONSHIP_TYPE,
      status: IMPORTED_RELATIONSHIP_STATUS,
      ...(tie.since !== undefined && { since: tie.since }),
      ...(tie.until !== undefined && { until: tie.until }),
      wikidataId,
    });
  };

  for (const tie of input.ties) {
    const wikidataId = tie.counterpartQid;
    if (wikidataId === input.jurisdictionQid) continue;
    // The entity JSON may state one tie twice (two periods); the first statement wins.
    if (seenTies.has(wikidataId)) {
      skipped.push({ wikidataId, reason: 'duplicate-tie', detail: 'the import lists this tie more than once' });
      continue;
    }
    seenTies.add(wikidataId);
    const name = (tie.counterpartLabel ?? '').trim() || wikidataId;
    const country = input.countries?.get(wikidataId)?.trim().toUpperCase();
    const known = country !== undefined && isIsoCountryCode(country) ? country : undefined;

    const match = byWikidataId.get(wikidataId) ?? (known !== undefined ? byNameAndCountry.get(nameCountryKey(name, known)) : undefined);
    if (match !== undefined) {
      if (relatedPartners.has(match.partnerId)) {
        skipped.push({ wikidataId, reason: 'relationship-exists', partnerId: match.partnerId, detail: `${match.name} already has a relationship` });
      } else {
        relatedPartners.add(match.partnerId);
        relate(wikidataId, { partnerId: match.partnerId }, tie);
      }
      continue;
    }

    // Two places of one name are told apart by their country; without one, only their Wikidata ids can tell.
    const key = known !== undefined ? nameCountryKey(name, known) : undefined;
    const sameInImport = key !== undefined ? plannedByNameAndCountry.get(key) : undefined;
    if (sameInImport !== undefined) {
      // Two Wikidata items of one name in one country (a city and its municipality) would be reported as duplicates later.
      skipped.push({ wikidataId, reason: 'same-name-and-country-in-this-import', detail: `same name and country as ${sameInImport}` });
      continue;
    }
    let partner: RegisterPartnerCommand;
    try {
      partner = parseRegisterPartner({ name, kind: 'city', country: known ?? null });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      skipped.push({ wikidataId, reason: 'invalid-partner', detail: error.message });
      continue;
    }
    if (key !== undefined) plannedByNameAndCountry.set(key, wikidataId);
    partnersToCreate.push({ ...partner, wikidataId });
    if (known === undefined) needsCountry.push({ wikidataId, name: partner.name, possibleMatches: byName.get(normalisePartnerName(name)) ?? [] });
    relate(wikidataId, { newPartnerWikidataId: wikidataId }, tie);
  }

  return { partnersToCreate, relationshipsToCreate, skipped, needsCountry };
}
