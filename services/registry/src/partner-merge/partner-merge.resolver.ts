import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, Roles, RolesGuard } from '@entente/auth';
import { Partner } from '../partners/partner.model';
import { PartnerMergeService } from './partner-merge.service';
import { toPartner } from '../partners/partner.mapper';

@Resolver(() => Partner)
@UseGuards(AuthenticatedGuard, RolesGuard)
export class PartnerMergeResolver {
  constructor(private readonly merges: PartnerMergeService) {}

  @Mutation(() => Partner, {
    description:
      'Merges a duplicate partner into the survivor: the survivor keeps its fields and fills blanks from the duplicate, relationships and engagements move to it, the duplicate is removed. Safe to repeat.',
  })
  @Roles('jurisdiction-admin')
  async mergePartners(
    @CurrentIdentity() identity: Identity,
    @Args('survivorId', { type: () => ID }) survivorId: string,
    @Args('duplicateId', { type: () => ID }) duplicateId: string,
  ): Promise<Partner> {
    return toPartner(await this.merges.merge(identity, survivorId, duplicateId));
  }
}
