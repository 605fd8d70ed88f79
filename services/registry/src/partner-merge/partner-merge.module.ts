import { Module } from '@nestjs/common';
import { EngagementsModule } from '../engagements/engagements.module';
import { PartnersModule } from '../partners/partners.module';
import { RelationshipsModule } from '../relationships/relationships.module';
import { PartnerMergeResolver } from './partner-merge.resolver';
import { PartnerMergeService } from './partner-merge.service';

/**
 * Merging moves relationships and engagements, whose modules depend on
 * partners: merges live in their own feature over all three.
 */
@Module({
  imports: [PartnersModule, RelationshipsModule, EngagementsModule],
  providers: [PartnerMergeService, PartnerMergeResolver],
})
export class PartnerMergeModule {}
