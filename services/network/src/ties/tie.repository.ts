import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { TenantRepository, TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { TIE_MODEL, TieRecord, TieSchema } from './tie.schema';

export interface CountryCount {
  country: string;
  partnerCount: number;
}

@Injectable()
export class TieRepository extends TenantRepository<TieRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(connection.model<TieRecord>(TIE_MODEL, TieSchema));
  }

  /** Insert-or-replace keyed by (jurisdiction, partner): applying the same event twice changes nothing. */
  async upsert(tie: TieRecord): Promise<void> {
    const { jurisdictionId, partnerId, ...fields } = tie;
    await this.model
      .updateOne(tenantQuery<TieRecord>({ jurisdictionId }, { partnerId }), { $set: fields }, { upsert: true })
      .exec();
  }

  async countByCountry(scope: TenantScope): Promise<CountryCount[]> {
    const rows = await this.model
      .aggregate<{ _id: string; partnerCount: number }>([
        { $match: tenantQuery<TieRecord>(scope) },
        { $group: { _id: '$country', partnerCount: { $sum: 1 } } },
      ])
      .exec();
    return rows
      .map((row) => ({ country: row._id, partnerCount: row.partnerCount }))
      .sort((a, b) => b.partnerCount - a.partnerCount || a.country.localeCompare(b.country));
  }
}
