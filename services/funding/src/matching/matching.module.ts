import { Module } from '@nestjs/common';
import { JurisdictionDirectoryModule } from '@entente/service-runtime';
import { OpportunitiesModule } from '../opportunities/opportunities.module';
import { PrioritiesModule } from '../priorities/priorities.module';
import { MatchableOpportunities, StoredOpportunities } from './matchable-opportunities.port';
import { MatchingResolver } from './matching.resolver';
import { MatchingService } from './matching.service';

/** Opportunities matched to jurisdictions, read from the platform's opportunity store. */
@Module({
  imports: [JurisdictionDirectoryModule, PrioritiesModule, OpportunitiesModule],
  providers: [MatchingService, MatchingResolver, { provide: MatchableOpportunities, useClass: StoredOpportunities }],
})
export class MatchingModule {}
