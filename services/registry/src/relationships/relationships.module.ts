import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { EngagementLoggedController } from './engagement-logged.controller';
import { PartnerChangesController } from './partner-changes.controller';
import { RelationshipRepository } from './relationship.repository';
import { RelationshipResolver } from './relationship.resolver';
import { RelationshipService } from './relationship.service';

/** DORMANCY_MONTHS comes from RegistrySettingsModule. */
@Module({
  imports: [PartnersModule],
  controllers: [PartnerChangesController, EngagementLoggedController],
  providers: [RelationshipRepository, RelationshipService, RelationshipResolver],
  exports: [RelationshipRepository, RelationshipService],
})
export class RelationshipsModule {}
