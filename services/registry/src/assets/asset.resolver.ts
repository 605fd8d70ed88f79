import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, READER_ROLES, Roles, RolesGuard, WRITER_ROLES } from '@entente/auth';
import { TableOneRow } from './table-one.model';
import { AssetInput } from './dtos/asset.input';
import { Asset, AssetCategoryValue, AssetConnection } from './asset.model';
import { AssetService } from './asset.service';
import { toAsset } from './asset.mapper';
import { PageArgsInput } from '@entente/service-runtime';

@Resolver(() => Asset)
@UseGuards(AuthenticatedGuard, RolesGuard)
export class AssetResolver {
  constructor(private readonly assetService: AssetService) {}

  @Mutation(() => Asset, { description: 'Records an asset in your jurisdiction’s Table 1 inventory.' })
  @Roles(...WRITER_ROLES)
  async recordAsset(@CurrentIdentity() identity: Identity, @Args('input') input: AssetInput): Promise<Asset> {
    return toAsset(await this.assetService.record(identity, input));
  }

  @Mutation(() => Asset, { description: 'Replaces the content of one of your jurisdiction’s assets (the same checks as recordAsset).' })
  @Roles(...WRITER_ROLES)
  async updateAsset(
    @CurrentIdentity() identity: Identity,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: AssetInput,
  ): Promise<Asset> {
    return toAsset(await this.assetService.update(identity, id, input));
  }

  @Mutation(() => Boolean, { description: 'Removes one of your jurisdiction’s assets from the inventory.' })
  @Roles('jurisdiction-admin')
  removeAsset(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.assetService.remove(identity, id);
  }

  @Query(() => AssetConnection, { description: 'Your jurisdiction’s assets, oldest first, optionally of one category.' })
  @Roles(...READER_ROLES)
  async assets(
    @CurrentIdentity() identity: Identity,
    @Args() paging: PageArgsInput,
    @Args('category', { type: () => AssetCategoryValue, nullable: true }) category?: AssetCategoryValue,
  ): Promise<AssetConnection> {
    const page = await this.assetService.list(identity, paging, category);
    return { ...page, nodes: page.nodes.map(toAsset) };
  }

  @Query(() => [TableOneRow], { description: 'Table 1 of your jurisdiction: counts and key figures per category and type.' })
  @Roles(...READER_ROLES)
  async tableOneSummary(@CurrentIdentity() identity: Identity): Promise<TableOneRow[]> {
    const rows = await this.assetService.tableOne(identity);
    return rows.map((row) => ({ ...row, category: row.category as AssetCategoryValue }));
  }
}

