import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, READER_ROLES, Roles } from '@entente/auth';
import { MatchingService } from './matching.service';
import { OpportunityMatchView } from './opportunity-match.model';

@Resolver(() => OpportunityMatchView)
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @Query(() => [OpportunityMatchView], { description: 'Open and forecasted opportunities matched to your jurisdiction, best first' })
  @Roles(...READER_ROLES)
  async opportunityMatches(
    @CurrentIdentity() identity: Identity,
    @Args('first', { type: () => Int, nullable: true, description: '1–100, default 20' }) first?: number | null,
    @Args('minScore', { type: () => Int, nullable: true, description: '0–100, default 0' }) minScore?: number | null,
  ): Promise<OpportunityMatchView[]> {
    const matches = await this.matching.matchesFor(identity, first ?? 20, minScore ?? 0);
    return matches.map((m) => ({
      opportunityId: m.opportunityId,
      title: m.title,
      funder: m.funder,
      url: m.url,
      closesAt: m.closesAt,
      score: m.score,
      explanation: m.explanation,
      eligibility: m.eligibility === 'eligible' ? 'eligible' : 'unclear',
      priorityIds: m.priorityIds,
    }));
  }
}
