import { Injectable } from '@nestjs/common';
import type { TenantScope } from '@entente/persistence';
import { type Anniversary, roundAnniversariesBetween } from './anniversaries';
import { RegistryRecordRepository } from './registry-record.repository';
import type { RegistryRecordKind } from './registry-record.schema';

export interface RecordLink {
  kind: RegistryRecordKind;
  recordId: string;
}

/** A round anniversary of an ongoing tie, as a plan's special occasion needs it. */
export type TieAnniversary = Anniversary;

/**
 * What planning's features ask of the registry, answered from the read model
 * planning keeps of the registry's events (no call to the registry). Every
 * answer is of the scope's jurisdiction only: a record of another
 * jurisdiction is, for the caller, a record that does not exist.
 */
@Injectable()
export class RegistryRecords {
  constructor(private readonly records: RegistryRecordRepository) {}

  /** The links (in the order given, once each) to records that do not exist in this jurisdiction, were merged away or removed. */
  async missingOf(scope: TenantScope, links: ReadonlyArray<RecordLink>): Promise<RecordLink[]> {
    if (links.length === 0) return [];
    const found = await this.records.existing(scope, [...new Set(links.map((link) => link.recordId))]);
    const present = new Set(found.map((record) => `${record.kind}:${record.recordId}`));
    const seen = new Set<string>();
    return links.filter((link) => {
      const key = `${link.kind}:${link.recordId}`;
      if (present.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** Round anniversaries (5, 10, 15 … years) of active or dormant ties, dated within [start, end] (YYYY-MM-DD, inclusive). */
  async anniversariesBetween(scope: TenantScope, start: string, end: string): Promise<TieAnniversary[]> {
    const ties = (await this.records.ongoingRelationships(scope)).flatMap((record) =>
      record.since === null ? [] : [{ relationshipId: record.recordId, partnerName: record.name ?? '', since: record.since, until: record.until }],
    );
    return roundAnniversariesBetween(ties, start, end);
  }
}
