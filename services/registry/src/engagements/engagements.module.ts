import { DynamicModule, Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { EngagementRepository } from './engagement.repository';
import { EngagementResolver } from './engagement.resolver';
import { EngagementService } from './engagement.service';

/**
 * Logging an engagement moves the last engagement of the jurisdiction's
 * relationships with those partners: it takes the app's relationships module.
 */
@Module({})
export class EngagementsModule {
  static forRoot(relationships: DynamicModule): DynamicModule {
    return {
      module: EngagementsModule,
      imports: [PartnersModule, relationships],
      providers: [EngagementRepository, EngagementService, EngagementResolver],
      exports: [EngagementRepository],
    };
  }
}
