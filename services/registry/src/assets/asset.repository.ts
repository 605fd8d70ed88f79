import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Connection, Types } from 'mongoose';
import { Page, PageArgs, Stored, TenantScope, tenantQuery, OutboxWrites, type EventDraft } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { HistoryEntry } from '@entente/persistence';
import { Change, OutboxRepository } from '@entente/persistence';
import type { AssetCategory, AssetType } from './asset-catalogue';
import { ASSET_MODEL, ASSET_VIEW_FIELDS, AssetRecord, AssetSchema, AssetView } from './asset.schema';
import type { AssetTally } from './table-one';
import { HISTORY_FIELD } from '@entente/persistence';
import { HeadEntry, TalliedAsset, tallyChanges } from './asset-tallies';
import { ProfileSection, profileSectionOf } from './profile-sections';
import { InventoryVersionRepository, type TalliedWrite } from '../inventory-version/inventory-version.repository';

/** The fields a person changes; the rest (ids, who and when) the repository keeps. */
export type AssetContent = Pick<
  AssetRecord,
  'name' | 'description' | 'category' | 'type' | 'countries' | 'sectors' | 'magnitude' | 'sourceOrganisation' | 'asOf' | 'confidentiality'
>;

const ASSET_VIEW_PROJECTION = { _id: 0, ...Object.fromEntries(ASSET_VIEW_FIELDS.map((field) => [field, 1])) };

interface TallyRow {
  /** A missing unit or currency may be left out of the key rather than null. */
  _id: { category: AssetCategory; type: string; unit?: string | null; currency?: string | null };
  count: number;
  /** A number, or a bson Long when a sum of whole numbers outgrows 53 bits. */
  total: number;
}

const ASSET_HISTORY_FIELDS = ['name', 'description', 'category', 'type', 'countries', 'sectors', 'magnitude', 'sourceOrganisation', 'asOf', 'confidentiality'] as const;

@Injectable()
export class AssetRepository extends OutboxRepository<AssetRecord, TalliedWrite> {
  protected readonly historyFields = ASSET_HISTORY_FIELDS;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites, versions: InventoryVersionRepository) {
    // Writes run between two bumps of the jurisdiction's inventory version, which the views' cache and tallies read.
    super(connection.model<AssetRecord>(ASSET_MODEL, AssetSchema), outbox, versions);
  }

  /** Stores the asset, its events and its first history entry in one single-document write. */
  create(asset: AssetRecord, events: EventDraft[], change: Change): Promise<AssetRecord> {
    // The _id is chosen here: it is the asset's place in the profile's heads.
    const stored = { ...asset, _id: new Types.ObjectId() };
    const write = tallied(null, talliedOf(stored));
    return this.insertWithEvents(stored, events, change, write, write.writeId);
  }

  /** A live (not removed) asset of the scope's jurisdiction, or null: another jurisdiction's id reads as absent. */
  find(scope: TenantScope, assetId: string): Promise<AssetRecord | null> {
    return this.findOne(tenantQuery<AssetRecord>(scope, { assetId, removedAt: null }));
  }

  /**
   * Replaces the content of a live asset and appends its events and history,
   * in one write; null when the asset is gone or changed since `before` was
   * read (its updatedAt moved).
   */
  async replace(scope: TenantScope, before: AssetRecord, content: AssetContent, change: Change, events: EventDraft[]): Promise<AssetRecord | null> {
    const query = tenantQuery<AssetRecord>(scope, { assetId: before.assetId, removedAt: null, updatedAt: before.updatedAt });
    const $set = { ...content, updatedBy: change.actor.userId, updatedAt: change.at };
    const write = tallied(talliedOf(before), talliedOf({ ...before, ...content }));
    return this.updateWithEvents(query, before, { $set }, events, change, write, write.writeId);
  }

  /**
   * Marks a live asset removed and appends its events, in one write. The
   * asset must still be as read (its updatedAt has not moved), so a
   * concurrent update can make neither the removal event nor the tallies
   * describe another state: false then, as when it is gone.
   */
  async markRemoved(scope: TenantScope, asset: AssetRecord, change: Change, events: EventDraft[]): Promise<boolean> {
    const query = tenantQuery<AssetRecord>(scope, { assetId: asset.assetId, updatedAt: asset.updatedAt, removedAt: null });
    const $set = { removedAt: change.at, removedBy: change.actor.userId };
    const write = tallied(talliedOf(asset), null);
    return (await this.updateWithEvents(query, asset, { $set }, events, change, write, write.writeId)) !== null;
  }

  /**
   * Whether the asset write `writeId` happened: its id is in the asset's
   * history. Read by the unique key (jurisdiction, asset id), the one lookup
   * the local MongoDB-wire server answers from an index.
   */
  async hasWrite(scope: TenantScope, assetId: string, writeId: string): Promise<boolean> {
    const found = await this.findOne<{ [HISTORY_FIELD]?: Array<{ writeId?: string }> }>(tenantQuery<AssetRecord>(scope, { assetId }), { _id: 0, [`${HISTORY_FIELD}.writeId`]: 1 });
    return (found?.[HISTORY_FIELD] ?? []).some((entry) => entry.writeId === writeId);
  }

  /** The asset's history, removed or not (who removed it is part of it); null for an id not of this jurisdiction. */
  history(scope: TenantScope, assetId: string): Promise<HistoryEntry[] | null> {
    return this.historyOf(tenantQuery<AssetRecord>(scope, { assetId }));
  }

  list(scope: TenantScope, args: PageArgs, category?: AssetCategory | null): Promise<Page<AssetRecord>> {
    return this.page(tenantQuery<AssetRecord>(scope, category ? { removedAt: null, category } : { removedAt: null }), args);
  }

  /**
   * The live assets naming a country, of the given types, one page at a time
   * in stored order (a country profile's section).
   */
  naming(scope: TenantScope, country: string, types: readonly AssetType[], args: PageArgs): Promise<Page<AssetRecord & Stored>> {
    return this.page(tenantQuery<AssetRecord>(scope, { countries: country, removedAt: null, type: { $in: [...types] } }), args);
  }

  /**
   * Live assets by id, as the API shows them, in the order asked: each read
   * by the unique key (jurisdiction, asset id), which the local MongoDB-wire
   * server answers from its index (an `$in` it would answer by a scan).
   */
  async byIds(scope: TenantScope, assetIds: readonly string[]): Promise<Array<AssetView & Stored>> {
    const found = await Promise.all(
      assetIds.map((assetId) =>
        this.findOne<AssetView & Stored & { removedAt: Date | null }>(tenantQuery<AssetRecord>(scope, { assetId }), { ...ASSET_VIEW_PROJECTION, _id: 1, removedAt: 1 }),
      ),
    );
    return found.filter((asset): asset is AssetView & Stored & { removedAt: null } => asset !== null && asset.removedAt === null).map(({ removedAt: _removed, ...asset }) => asset);
  }

  /** The first `size` live assets naming a country in each profile section, in stored order (a profile counted from scratch). */
  async countryHeads(scope: TenantScope, country: string, size: number): Promise<Partial<Record<ProfileSection, HeadEntry[]>>> {
    const rows = await this.findMany<{ _id: Types.ObjectId; assetId: string; type: AssetType }>(tenantQuery<AssetRecord>(scope, { countries: country, removedAt: null }), {
      projection: { _id: 1, assetId: 1, type: 1 },
      sort: { _id: 1 },
      limit: 0,
    });
    const heads: Partial<Record<ProfileSection, HeadEntry[]>> = {};
    for (const row of rows) {
      const head = (heads[profileSectionOf(row.type)] ??= []);
      if (head.length < size) head.push({ id: row.assetId, oid: row._id.toHexString() });
    }
    return heads;
  }

  /**
   * The live assets (those naming `country`, when given) counted and their
   * figures summed by the database, per category, type, unit and currency —
   * a few dozen rows instead of one per asset: Table 1, or one country's
   * profile, counted from scratch.
   */
  async tallies(scope: TenantScope, country?: string): Promise<AssetTally[]> {
    const rows = await this.aggregate<TallyRow>(tenantQuery<AssetRecord>(scope, country ? { countries: country, removedAt: null } : { removedAt: null }), [
        {
          $group: {
            _id: { category: '$category', type: '$type', unit: '$magnitude.unit', currency: '$magnitude.currency' },
            count: { $sum: 1 },
            total: { $sum: '$magnitude.value' },
          },
        },
      ]);
    return rows.map(({ _id: { category, type, unit, currency }, count, total }) => ({
      category,
      type,
      figure: unit == null ? null : { unit, currency: currency ?? null },
      count,
      total: Number(total),
    }));
  }
}

function tallied(before: TalliedAsset | null, after: TalliedAsset | null): TalliedWrite {
  const assetId = (after ?? before)?.assetId as string;
  return { writeId: randomUUID(), assetId, ...tallyChanges(before, after) };
}

/** An asset as its tallies see it; a stored asset always has its _id (find and create give it one). */
function talliedOf(asset: AssetRecord & { _id?: Types.ObjectId }): TalliedAsset {
  if (!asset._id) throw new Error(`asset ${asset.assetId} has no _id: tallies need the stored record`);
  return { assetId: asset.assetId, oid: asset._id.toHexString(), category: asset.category, type: asset.type, magnitude: asset.magnitude, countries: asset.countries };
}
