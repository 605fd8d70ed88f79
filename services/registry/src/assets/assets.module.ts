import { Module } from '@nestjs/common';
import { RelationshipsModule } from '../relationships/relationships.module';
import { AssetRepository } from './asset.repository';
import { AssetResolver } from './asset.resolver';
import { AssetService } from './asset.service';
import { InventoryTallies } from './inventory-tallies';

/** Table 1 counts relationships too. The inventory version (the repositories' write listener) comes from the global ViewCacheModule. */
@Module({
  imports: [RelationshipsModule],
  providers: [AssetRepository, InventoryTallies, AssetService, AssetResolver],
  exports: [AssetRepository, InventoryTallies, AssetService],
})
export class AssetsModule {}
