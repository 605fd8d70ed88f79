import { Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { DomainError } from '@entente/errors';
import type { ScopedRecord, TenantScope } from '@entente/persistence';
import { PartnerRepository } from '../partners/partner.repository';
import { PartnerService } from '../partners/partner.service';
import type { RowProblem } from './csv-import';
import { TwinningCatalogueRepository } from './twinning-catalogue.repository';

/**
 * A twinning import made before the platform's twinning catalogue was loaded
 * (a city's entity JSON names no counterpart) names each new partner by its
 * Wikidata id. Loading the catalogue gives them their names, in every
 * jurisdiction, since the catalogue is the platform's: each through the
 * partners' own update, so the change is in the partner's history and
 * announced (registry.partner.updated) like any other, by the system. A
 * partner a person has renamed meanwhile keeps their name; loading the same
 * catalogue again changes nothing. The catalogue knows no countries, so a
 * partner's unknown country stays for a person to give.
 */

/** Who the history and the events name as having renamed the partner. */
export function catalogueActor(scope: TenantScope): Identity {
  return { userId: 'system', username: 'system (twinning catalogue)', jurisdictionId: scope.jurisdictionId, roles: [] };
}

export interface PartnerNamedByQid {
  readonly scope: TenantScope;
  readonly partnerId: string;
  readonly wikidataId: string;
}

export interface PartnerRename extends PartnerNamedByQid {
  readonly name: string;
}

/** The partners the catalogue can name: those whose Wikidata id it has a label for other than the id itself. */
export function partnerRenames(partners: readonly PartnerNamedByQid[], labels: ReadonlyMap<string, string>): PartnerRename[] {
  return partners.flatMap((partner) => {
    const label = labels.get(partner.wikidataId)?.trim();
    return label && label !== partner.wikidataId ? [{ ...partner, name: label }] : [];
  });
}

export interface NamingResult {
  readonly renamed: number;
  readonly jurisdictions: number;
  /** Partners the catalogue's label could not name (a rule refused it, the partner changed meanwhile): report lines. */
  readonly problems: RowProblem[];
}

/** Labels are looked up this many Wikidata ids at a time. */
const LABEL_BATCH = 1000;

export const PARTNERS_FIELD = '(partners)';

@Injectable()
export class TwinningPartnerNamer {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly partnerService: PartnerService,
    private readonly catalogue: TwinningCatalogueRepository,
  ) {}

  /** Names, from the catalogue in use, every partner still named by its Wikidata id; `onRenamed` after each (to keep a lease). */
  async nameFromCatalogue(onRenamed?: () => Promise<void>): Promise<NamingResult> {
    const found: Array<ScopedRecord<{ partnerId: string; wikidataId: string | null }>> = await this.partners.namedByWikidataIdAcrossJurisdictions();
    const named: PartnerNamedByQid[] = found.flatMap(({ scope, record }) => (record.wikidataId ? [{ scope, partnerId: record.partnerId, wikidataId: record.wikidataId }] : []));
    const renames: PartnerRename[] = [];
    for (let start = 0; start < named.length; start += LABEL_BATCH) {
      const batch = named.slice(start, start + LABEL_BATCH);
      renames.push(...partnerRenames(batch, await this.catalogue.labelsOf([...new Set(batch.map((partner) => partner.wikidataId))])));
    }

    let renamed = 0;
    const jurisdictions = new Set<string>();
    const problems: RowProblem[] = [];
    for (const rename of renames) {
      try {
        const partner = await this.partnerService.update(catalogueActor(rename.scope), rename.partnerId, { name: rename.name }, { onlyIf: (stored) => stored.name === rename.wikidataId });
        if (partner.name === rename.name) {
          renamed += 1;
          jurisdictions.add(rename.scope.jurisdictionId);
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problems.push({ row: 0, field: PARTNERS_FIELD, reason: `partner ${rename.partnerId} (${rename.wikidataId}) of ${rename.scope.jurisdictionId} keeps its name: ${error.message}` });
      }
      await onRenamed?.();
    }
    return { renamed, jurisdictions: jurisdictions.size, problems };
  }
}
