import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { TenantRepository, TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { PARTNER_MODEL, PartnerRecord, PartnerSchema } from '../partners/partner.schema';

/** What relationships and engagements need to know of a partner. */
export interface PartnerSummary {
  partnerId: string;
  name: string;
  country: string;
}

/**
 * Reads the jurisdiction's partners (the same model the partners feature
 * writes), always scoped to the caller's jurisdiction: a partner id of another
 * jurisdiction is simply not found.
 */
@Injectable()
export class PartnerLookup extends TenantRepository<PartnerRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(connection.model<PartnerRecord>(PARTNER_MODEL, PartnerSchema));
  }

  async find(scope: TenantScope, partnerId: string): Promise<PartnerSummary | null> {
    const partner = await this.findOne(tenantQuery<PartnerRecord>(scope, { partnerId }));
    return partner ? { partnerId: partner.partnerId, name: partner.name, country: partner.country } : null;
  }

  async findAll(scope: TenantScope, partnerIds: readonly string[]): Promise<Map<string, PartnerSummary>> {
    const partners = await this.findMany(tenantQuery<PartnerRecord>(scope, { partnerId: { $in: [...partnerIds] } }), partnerIds.length);
    return new Map(partners.map((p) => [p.partnerId, { partnerId: p.partnerId, name: p.name, country: p.country }]));
  }
}
