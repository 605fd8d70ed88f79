import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { TenantRepository, TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { TieState } from './tie-projection';
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

  async get(scope: TenantScope, partnerId: string): Promise<TieState | null> {
    const tie = await this.findOne(tenantQuery<TieRecord>(scope, { partnerId }));
    return tie ? { ...tie, country: tie.country ?? null, mergedInto: tie.mergedInto ?? null } : null;
  }

  /**
   * Insert-or-replace keyed by (jurisdiction, partner). A live state never
   * overwrites a tombstone, even one written between our read and this write:
   * the upsert then collides with it on the unique index and the consumer's
   * retry reads the tombstone and leaves it.
   */
  async save(scope: TenantScope, tie: TieState): Promise<void> {
    const { partnerId, ...fields } = tie;
    const filter = tie.mergedInto ? { partnerId } : { partnerId, mergedInto: null };
    await this.updateOne(tenantQuery<TieRecord>(scope, filter), { $set: fields }, { upsert: true });
  }

  async countByCountry(scope: TenantScope): Promise<CountryCount[]> {
    const rows = await this.aggregate<{ _id: string; partnerCount: number }>(tenantQuery<TieRecord>(scope, { mergedInto: null, country: { $ne: null } }), [
        { $group: { _id: '$country', partnerCount: { $sum: 1 } } },
      ]);
    return rows
      .map((row) => ({ country: row._id, partnerCount: row.partnerCount }))
      .sort((a, b) => b.partnerCount - a.partnerCount || a.country.localeCompare(b.country));
  }
}
