import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AssetRecordedV1, AssetRemovedV1, AssetUpdatedV1 } from '@entente/contracts';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError } from '@entente/errors';
import { eventDraft, scopeOf, type Page, type PageArgs } from '@entente/persistence';
import { CachedViews } from '../inventory-version/cached-views';
import { summariseTableOne, TableOneRow } from './table-one';
import type { AssetCategory } from './asset-catalogue';
import { assetRemovedPayload, assetStatePayload } from './asset-event-payload';
import { RelationshipRepository } from '../relationships/relationship.repository';
import { parseRecordAsset, RecordAssetInput } from './asset.rules';
import { AssetRepository } from './asset.repository';
import { InventoryTallies } from './inventory-tallies';
import type { AssetRecord } from './asset.schema';

@Injectable()
export class AssetService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly tallies: InventoryTallies,
    private readonly relationships: RelationshipRepository,
    private readonly views: CachedViews,
  ) {}

  /**
   * Records an asset for the caller's jurisdiction and announces it
   * (registry.asset.recorded v1). An import passes the asset's id
   * (`options.assetId`) so that applying it twice finds the first.
   */
  async record(identity: Identity, input: RecordAssetInput, options: { assetId?: string } = {}): Promise<AssetRecord> {
    const command = parseRecordAsset(input);
    const assetId = options.assetId ?? randomUUID();
    const now = new Date();
    const asset: AssetRecord = {
      jurisdictionId: identity.jurisdictionId,
      assetId,
      ...command,
      createdBy: identity.userId,
      createdAt: now,
      updatedBy: identity.userId,
      updatedAt: now,
      removedAt: null,
      removedBy: null,
    };
    const event = eventDraft(AssetRecordedV1, {
      aggregateId: assetId,
      payload: assetStatePayload(assetId, command),
    });
    const saved = await this.assets.create(asset, [event], { actor: identity, action: 'recorded', at: now });
    return saved;
  }

  /**
   * Replaces an asset's content with a new, fully validated one and announces
   * it (registry.asset.updated v1). An id of another jurisdiction, a removed
   * asset and an unknown id all answer the same NOT_FOUND; an asset changed by
   * someone else between our read and our write answers CONFLICT.
   */
  async update(identity: Identity, assetId: string, input: RecordAssetInput): Promise<AssetRecord> {
    const command = parseRecordAsset(input);
    const scope = scopeOf(identity);
    const before = await this.assets.find(scope, assetId);
    if (!before) throw new NotFoundError('Asset', assetId);
    const event = eventDraft(AssetUpdatedV1, {
      aggregateId: assetId,
      payload: assetStatePayload(assetId, command),
    });
    const saved = await this.assets.replace(scope, before, command, { actor: identity, action: 'updated', at: new Date() }, [event]);
    if (!saved) throw new ConflictError(`asset ${assetId} was changed or removed meanwhile; reload it and try again`);
    return saved;
  }

  /** Removes an asset from the inventory and announces it (registry.asset.removed v1); NOT_FOUND as for update. */
  async remove(identity: Identity, assetId: string): Promise<true> {
    const scope = scopeOf(identity);
    const asset = await this.assets.find(scope, assetId);
    if (!asset) throw new NotFoundError('Asset', assetId);
    const event = eventDraft(AssetRemovedV1, {
      aggregateId: assetId,
      payload: assetRemovedPayload(asset),
    });
    if (!(await this.assets.markRemoved(scope, asset, { actor: identity, action: 'removed', at: new Date() }, [event]))) {
      // Changed or removed since the read: the asset removed would not be the one found.
      if (await this.assets.find(scope, assetId)) throw new ConflictError(`asset ${assetId} was changed meanwhile; reload it and try again`);
      throw new NotFoundError('Asset', assetId);
    }
    return true;
  }

  list(identity: Identity, args: PageArgs, category?: AssetCategory | null): Promise<Page<AssetRecord>> {
    return this.assets.list(scopeOf(identity), args, category);
  }

  /**
   * The Table 1 summary of the caller's jurisdiction: its assets' kept
   * tallies (InventoryTallies), and its relationships counted for the
   * relationships row; cached until the next write.
   */
  async tableOne(identity: Identity): Promise<TableOneRow[]> {
    const scope = scopeOf(identity);
    return this.views.read(scope, 'table-one', async () => {
      const [assets, relationships] = await Promise.all([this.tallies.tableOne(scope), this.relationships.tallies(scope)]);
      return summariseTableOne(assets, relationships);
    });
  }
}
