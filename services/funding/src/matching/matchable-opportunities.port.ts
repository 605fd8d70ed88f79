import { Injectable } from '@nestjs/common';
import { OpportunityRepository } from '../opportunities/opportunity.repository';
import type { MatchableOpportunity } from './priority-fit';

/** No more open and forecasted calls than this are matched per request; far more than any source lists open at once. */
export const OPEN_OPPORTUNITIES_LIMIT = 20_000;

/**
 * Where matching reads the opportunities still worth matching (open or
 * forecasted) with what it needs of them: a port, so matching does not know
 * how opportunities are stored (bound in MatchingModule).
 */
export abstract class MatchableOpportunities {
  abstract openOrForecasted(limit: number): Promise<Array<MatchableOpportunity & { funder: string | null; url: string | null }>>;
}

/** The platform's opportunity store: its forecasted and open records. */
@Injectable()
export class StoredOpportunities extends MatchableOpportunities {
  constructor(private readonly opportunities: OpportunityRepository) {
    super();
  }

  openOrForecasted(limit: number): Promise<Array<MatchableOpportunity & { funder: string | null; url: string | null }>> {
    return this.opportunities.live({ limit });
  }
}
