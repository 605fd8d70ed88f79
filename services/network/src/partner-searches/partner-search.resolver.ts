import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, type Identity, READER_ROLES, Roles, WRITER_ROLES } from '@entente/auth';
import { NetworkService } from '../networks/network.service';
import { PartnerSearch, PostPartnerSearchInput } from './partner-search.model';
import type { PartnerSearchRecord } from './partner-search.schema';
import { PartnerSearchService } from './partner-search.service';

@Resolver(() => PartnerSearch)
@UseGuards(AuthenticatedGuard)
export class PartnerSearchResolver {
  constructor(
    private readonly searches: PartnerSearchService,
    private readonly networks: NetworkService,
  ) {}

  @Query(() => [PartnerSearch], { description: 'A network’s seeking-partners board, newest first (its active members and coordinators)' })
  @Roles(...READER_ROLES)
  async partnerSearches(@CurrentIdentity() identity: Identity, @Args('networkId', { type: () => ID }) networkId: string): Promise<PartnerSearch[]> {
    return this.view(await this.searches.list(identity, networkId));
  }

  @Mutation(() => PartnerSearch, { description: 'Posts what your jurisdiction looks for (a partner city in a country, a co-applicant for a call) on a network’s board' })
  @Roles(...WRITER_ROLES)
  async postPartnerSearch(@CurrentIdentity() identity: Identity, @Args('input') input: PostPartnerSearchInput): Promise<PartnerSearch> {
    const { networkId, ...content } = input;
    return (await this.view([await this.searches.post(identity, networkId, content)]))[0] as PartnerSearch;
  }

  @Mutation(() => PartnerSearch, { description: 'Answers another member’s open post' })
  @Roles(...WRITER_ROLES)
  async answerPartnerSearch(@CurrentIdentity() identity: Identity, @Args('searchId', { type: () => ID }) searchId: string, @Args('message') message: string): Promise<PartnerSearch> {
    return (await this.view([await this.searches.answer(identity, searchId, message)]))[0] as PartnerSearch;
  }

  @Mutation(() => PartnerSearch, { description: 'Closes your jurisdiction’s post' })
  @Roles(...WRITER_ROLES)
  async closePartnerSearch(@CurrentIdentity() identity: Identity, @Args('searchId', { type: () => ID }) searchId: string): Promise<PartnerSearch> {
    return (await this.view([await this.searches.close(identity, searchId)]))[0] as PartnerSearch;
  }

  private async view(records: readonly PartnerSearchRecord[]): Promise<PartnerSearch[]> {
    const names = await this.networks.memberNames([...new Set(records.flatMap((r) => [r.jurisdictionId, ...r.answers.map((a) => a.jurisdictionId)]))]);
    const nameOf = (id: string): string => names.get(id) ?? id;
    return records.map((r) => ({
      id: r.searchId,
      networkId: r.networkId,
      jurisdictionId: r.jurisdictionId,
      memberName: nameOf(r.jurisdictionId),
      kind: r.kind,
      country: r.country,
      opportunityId: r.opportunityId,
      description: r.description,
      status: r.status,
      postedAt: r.postedAt,
      answers: r.answers.map((a) => ({ jurisdictionId: a.jurisdictionId, memberName: nameOf(a.jurisdictionId), message: a.message, at: new Date(a.at) })),
    }));
  }
}
