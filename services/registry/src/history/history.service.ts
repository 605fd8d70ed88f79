import { Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { NotFoundError } from '@entente/errors';
import { AssetRepository } from '../assets/asset.repository';
import { EngagementRepository } from '../engagements/engagement.repository';
import { PartnerRepository } from '../partners/partner.repository';
import { RelationshipRepository } from '../relationships/relationship.repository';
import { scopeOf, type HistoryEntry } from '@entente/persistence';

export type RecordType = 'partner' | 'asset' | 'relationship' | 'engagement';

@Injectable()
export class HistoryService {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly assets: AssetRepository,
    private readonly relationships: RelationshipRepository,
    private readonly engagements: EngagementRepository,
  ) {}

  /**
   * The history of whichever record of the caller's jurisdiction has this id
   * (ids are unique across record types). Another jurisdiction's id answers
   * NOT_FOUND, exactly like an unknown one.
   */
  async of(identity: Identity, id: string): Promise<{ recordType: RecordType; entries: HistoryEntry[] }> {
    const scope = scopeOf(identity);
    const found = await Promise.all([
      this.partners.history(scope, id).then((entries) => ({ recordType: 'partner' as const, entries })),
      this.assets.history(scope, id).then((entries) => ({ recordType: 'asset' as const, entries })),
      this.relationships.history(scope, id).then((entries) => ({ recordType: 'relationship' as const, entries })),
      this.engagements.history(scope, id).then((entries) => ({ recordType: 'engagement' as const, entries })),
    ]);
    const match = found.find((candidate) => candidate.entries !== null);
    if (!match || match.entries === null) throw new NotFoundError('Record', id);
    return { recordType: match.recordType, entries: match.entries };
  }
}
