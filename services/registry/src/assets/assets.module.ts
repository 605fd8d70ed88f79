import { DynamicModule, Module } from '@nestjs/common';
import { InventoryVersionRepository } from '../inventory-version/inventory-version.repository';
import { AssetRepository } from './asset.repository';
import { AssetResolver } from './asset.resolver';
import { AssetService } from './asset.service';
import { InventoryTallies } from './inventory-tallies';

/** Table 1 counts relationships too: it takes the app's relationships module. */
@Module({})
export class AssetsModule {
  static forRoot(relationships: DynamicModule): DynamicModule {
    return { module: AssetsModule, imports: [relationships], providers: [AssetRepository, InventoryVersionRepository, InventoryTallies, AssetService, AssetResolver], exports: [AssetRepository, InventoryTallies, AssetService] };
  }
}
