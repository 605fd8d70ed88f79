import { Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { ValidationError } from '@entente/errors';
import { scopeOf } from '@entente/persistence';
import { JurisdictionDirectory } from '@entente/service-runtime';
import { PriorityViewRepository } from '../priorities/priority-view.repository';
import { MatchableOpportunities, OPEN_OPPORTUNITIES_LIMIT } from './matchable-opportunities.port';
import { matchOne, type OpportunityMatch } from './opportunity-matcher';
import { termsOf } from './priority-fit';

export const MATCHES_MAX = 100;

export interface JoinedMatch extends OpportunityMatch {
  title: string;
  funder: string | null;
  url: string | null;
  closesAt: Date | null;
}

/**
 * The caller's jurisdiction's matches: every open or forecasted opportunity
 * scored against its eligibility (from the jurisdiction directory) and its
 * active priorities (funding's copy of planning's), best first, soonest
 * closing first among equals.
 */
@Injectable()
export class MatchingService {
  constructor(
    private readonly directory: JurisdictionDirectory,
    private readonly priorities: PriorityViewRepository,
    private readonly opportunities: MatchableOpportunities,
  ) {}

  async matchesFor(identity: Identity, first: number, minScore: number, now = new Date()): Promise<JoinedMatch[]> {
    if (!Number.isInteger(first) || first < 1 || first > MATCHES_MAX) throw ValidationError.forField('first', `must be a whole number from 1 to ${MATCHES_MAX}`);
    if (!Number.isInteger(minScore) || minScore < 0 || minScore > 100) throw ValidationError.forField('minScore', 'must be a whole number from 0 to 100');
    const scope = scopeOf(identity);
    const [profile, active] = await Promise.all([this.directory.find(scope), this.priorities.active(scope)]);
    if (!profile || active.length === 0) return [];
    const jurisdiction = { jurisdictionId: profile.jurisdictionId, level: profile.level, country: profile.country };
    const matches: JoinedMatch[] = [];
    for (const opportunity of await this.opportunities.openOrForecasted(OPEN_OPPORTUNITIES_LIMIT)) {
      const match = matchOne(opportunity, termsOf(opportunity), jurisdiction, active, now);
      if (match && match.score >= minScore) matches.push({ ...match, title: opportunity.title, funder: opportunity.funder, url: opportunity.url, closesAt: opportunity.closesAt });
    }
    const closing = (m: JoinedMatch): number => m.closesAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
    return matches.sort((a, b) => b.score - a.score || closing(a) - closing(b) || a.opportunityId.localeCompare(b.opportunityId)).slice(0, first);
  }
}
