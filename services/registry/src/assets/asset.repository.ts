import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { EventEnvelope } from '@entente/contracts';
import { Page, PageArgs, TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { OutboxRepository } from '../outbox/outbox-repository';
import type { AssetCategory, AssetType } from './asset-catalogue';
import { ASSET_MODEL, AssetRecord, AssetSchema } from './asset.schema';
import type { SummarisedAsset } from '../views/table-one';

/** The fields a person changes; the rest (ids, who and when) the repository keeps. */
export type AssetContent = Pick<
  AssetRecord,
  'name' | 'description' | 'category' | 'type' | 'countries' | 'sectors' | 'magnitude' | 'sourceOrganisation' | 'asOf' | 'confidentiality'
>;

@Injectable()
export class AssetRepository extends OutboxRepository<AssetRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(connection.model<AssetRecord>(ASSET_MODEL, AssetSchema));
  }

  /** Stores the asset and its events in one single-document write. */
  create(asset: AssetRecord, events: EventEnvelope[]): Promise<AssetRecord> {
    return this.insertWithEvents(asset, events);
  }

  /** A live (not removed) asset of the scope's jurisdiction, or null: another jurisdiction's id reads as absent. */
  find(scope: TenantScope, assetId: string): Promise<AssetRecord | null> {
    return this.findOne(tenantQuery<AssetRecord>(scope, { assetId, removedAt: null }));
  }

  /** Replaces the content of a live asset and appends its events, in one write; null when there is no such asset. */
  async replace(scope: TenantScope, assetId: string, content: AssetContent, changedBy: string, events: EventEnvelope[]): Promise<AssetRecord | null> {
    const change = { $set: { ...content, updatedBy: changedBy, updatedAt: new Date() } };
    return this.updateWithEvents(tenantQuery<AssetRecord>(scope, { assetId, removedAt: null }), change, events);
  }

  /**
   * Marks a live asset removed and appends its events, in one write. The
   * category and type the events name must still be the asset's, so a
   * concurrent update cannot make the removal event describe another state.
   */
  async markRemoved(
    scope: TenantScope,
    asset: { assetId: string; category: AssetCategory; type: AssetType },
    removedBy: string,
    events: EventEnvelope[],
  ): Promise<boolean> {
    const query = tenantQuery<AssetRecord>(scope, { assetId: asset.assetId, category: asset.category, type: asset.type, removedAt: null });
    return (await this.updateWithEvents(query, { $set: { removedAt: new Date(), removedBy } }, events)) !== null;
  }

  list(scope: TenantScope, args: PageArgs, category?: AssetCategory | null): Promise<Page<AssetRecord>> {
    return this.page(tenantQuery<AssetRecord>(scope, category ? { removedAt: null, category } : { removedAt: null }), args);
  }

  /** The jurisdiction's assets that name a country (for its country profile). */
  naming(scope: TenantScope, country: string): Promise<AssetRecord[]> {
    return this.model.find(tenantQuery<AssetRecord>(scope, { countries: country, removedAt: null })).sort({ _id: 1 }).lean<AssetRecord[]>().exec();
  }

  /** What the Table 1 summary reads of every live asset: three fields each, not whole documents. */
  async summarised(scope: TenantScope): Promise<SummarisedAsset[]> {
    const query = tenantQuery<AssetRecord>(scope, { removedAt: null });
    return this.model.find(query, { _id: 0, category: 1, type: 1, magnitude: 1 }).lean<SummarisedAsset[]>().exec();
  }

}
