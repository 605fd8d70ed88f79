import { DynamicModule, Global, Module } from '@nestjs/common';
import { InventoryVersionRepository } from './inventory-version.repository';
import { CachedViews, VIEW_CACHE } from './cached-views';
import { ViewCache, type ViewCacheSettings } from '@entente/persistence';

/**
 * One view cache per process, for every view (Table 1 in assets, the country
 * profile in views), and the one inventory version repository, which the
 * record repositories take as their write listener.
 */
@Global()
@Module({})
export class ViewCacheModule {
  static forRoot(settings: ViewCacheSettings): DynamicModule {
    return {
      module: ViewCacheModule,
      providers: [{ provide: VIEW_CACHE, useValue: new ViewCache(settings) }, InventoryVersionRepository, CachedViews],
      exports: [CachedViews, InventoryVersionRepository],
    };
  }
}
