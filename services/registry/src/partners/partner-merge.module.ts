import { DynamicModule, Module } from '@nestjs/common';
import { PartnerMergeResolver } from './partner-merge.resolver';
import { PartnerMergeService } from './partner-merge.service';
import { PartnersModule } from './partners.module';

/**
 * Merging moves relationships and engagements, whose modules depend on
 * partners: merges live in their own module over all three.
 */
@Module({})
export class PartnerMergeModule {
  static forRoot(features: { relationships: DynamicModule; engagements: DynamicModule }): DynamicModule {
    return {
      module: PartnerMergeModule,
      imports: [PartnersModule, features.relationships, features.engagements],
      providers: [PartnerMergeService, PartnerMergeResolver],
    };
  }
}
