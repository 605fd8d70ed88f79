import { DynamicModule, Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { HistoryResolver } from './history.resolver';
import { HistoryService } from './history.service';

/** Every record type keeps its history in its own documents: the history query reads all four repositories. */
@Module({})
export class HistoryModule {
  static forRoot(features: { relationships: DynamicModule; engagements: DynamicModule; assets: DynamicModule }): DynamicModule {
    return {
      module: HistoryModule,
      imports: [PartnersModule, features.relationships, features.engagements, features.assets],
      providers: [HistoryService, HistoryResolver],
    };
  }
}
