import { Module } from '@nestjs/common';
import { OpportunityRepository } from './opportunity.repository';
import { OpportunityResolver } from './opportunity.resolver';
import { OpportunityService } from './opportunity.service';

/** The platform-wide store of opportunities and its public reads; scouting writes it, matching and alerts read it. */
@Module({
  providers: [OpportunityRepository, OpportunityService, OpportunityResolver],
  exports: [OpportunityRepository],
})
export class OpportunitiesModule {}
