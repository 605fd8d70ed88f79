import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { type ScopedRecord, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { PartnerSearchAnswer } from './partner-search';
import { PARTNER_SEARCH_MODEL, type PartnerSearchRecord, PartnerSearchSchema } from './partner-search.schema';

/** Posts a network shows at most. */
export const SEARCH_SCAN_LIMIT = 500;

/** Each member's posts; a network's board spans its members (read after NetworkAccess allowed the reader). */
@Injectable()
export class PartnerSearchRepository extends TenantRepository<PartnerSearchRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models[PARTNER_SEARCH_MODEL] as Model<PartnerSearchRecord> | undefined) ?? connection.model<PartnerSearchRecord>(PARTNER_SEARCH_MODEL, PartnerSearchSchema));
  }

  async create(search: PartnerSearchRecord): Promise<PartnerSearchRecord> {
    return this.insert(search);
  }

  /** A network's posts, of every member, newest first. */
  ofNetworkAcrossJurisdictions(networkId: string): Promise<Array<ScopedRecord<PartnerSearchRecord>>> {
    return this.findAcrossJurisdictions<PartnerSearchRecord>({ networkId }, { limit: SEARCH_SCAN_LIMIT, sort: { postedAt: -1 } });
  }

  /** One post with its poster's scope, for the reader the service then checks. */
  async findAcrossJurisdictionsWithId(searchId: string): Promise<ScopedRecord<PartnerSearchRecord> | null> {
    const [found] = await this.findAcrossJurisdictions<PartnerSearchRecord>({ searchId }, { limit: 1 });
    return found ?? null;
  }

  /** Appends an answer to a post that is still open; null when it was closed meanwhile. */
  answer(scope: TenantScope, searchId: string, answer: PartnerSearchAnswer): Promise<PartnerSearchRecord | null> {
    return this.updateOne(tenantQuery<PartnerSearchRecord>(scope, { searchId, status: 'open' }), { $push: { answers: answer } });
  }

  close(scope: TenantScope, searchId: string): Promise<PartnerSearchRecord | null> {
    return this.updateOne(tenantQuery<PartnerSearchRecord>(scope, { searchId, status: 'open' }), { $set: { status: 'closed' } });
  }
}
