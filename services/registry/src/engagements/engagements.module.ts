import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { RelationshipsModule } from '../relationships/relationships.module';
import { EngagementRepository } from './engagement.repository';
import { EngagementResolver } from './engagement.resolver';
import { EngagementService } from './engagement.service';

/** Logging an engagement moves the last engagement of the jurisdiction's relationships with those partners. */
@Module({
  imports: [PartnersModule, RelationshipsModule],
  providers: [EngagementRepository, EngagementService, EngagementResolver],
  exports: [EngagementRepository],
})
export class EngagementsModule {}
