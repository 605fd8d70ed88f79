import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module';
import { EngagementsModule } from '../engagements/engagements.module';
import { PartnersModule } from '../partners/partners.module';
import { RelationshipsModule } from '../relationships/relationships.module';
import { HistoryResolver } from './history.resolver';
import { HistoryService } from './history.service';

/** Every record type keeps its history in its own documents: the history query reads all four repositories. */
@Module({
  imports: [PartnersModule, RelationshipsModule, EngagementsModule, AssetsModule],
  providers: [HistoryService, HistoryResolver],
})
export class HistoryModule {}
