import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@entente/errors';
import type { Page, PageArgs } from '@entente/persistence';
import type { Opportunity, OpportunityVersion } from './opportunity';
import type { OpportunitySearchInput } from './opportunity.model';
import { type ListedOpportunity, OpportunityRepository } from './opportunity.repository';
import { searchFilter } from './opportunity-search';

/** Public reads of opportunities: the same for every signed-in user, since opportunities belong to no jurisdiction. */
@Injectable()
export class OpportunityService {
  constructor(private readonly opportunities: OpportunityRepository) {}

  search(filter: OpportunitySearchInput | null | undefined, args: PageArgs): Promise<Page<ListedOpportunity>> {
    return this.opportunities.page(searchFilter(filter), args);
  }

  async get(opportunityId: string): Promise<Opportunity & { versions: OpportunityVersion[] }> {
    const found = await this.opportunities.get(opportunityId);
    if (!found) throw new NotFoundError('Opportunity', opportunityId);
    return found;
  }
}
