import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, READER_ROLES, Roles, RolesGuard, WRITER_ROLES } from '@entente/auth';
import { RegisterPartnerInput } from './dtos/register-partner.input';
import { UpdatePartnerInput } from './dtos/update-partner.input';
import { DuplicateReasonValue, LikelyDuplicate, Partner, PartnerConnection, PartnerDuplicateGroup } from './partner.model';
import { PartnerService } from './partner.service';
import { toPartner, type ResolvedPartner } from './partner.mapper';
import { PageArgsInput } from '@entente/service-runtime';

/** The GraphQL partner keeps its stored record alongside, for the fields resolved on demand. */

@Resolver(() => Partner)
@UseGuards(AuthenticatedGuard, RolesGuard)
export class PartnerResolver {
  constructor(private readonly partnerService: PartnerService) {}

  @Mutation(() => Partner, {
    description: 'Registers a foreign counterpart for your jurisdiction. A likely duplicate is registered too; its likelyDuplicates names the partners it resembles.',
  })
  @Roles(...WRITER_ROLES)
  async registerPartner(@CurrentIdentity() identity: Identity, @Args('input') input: RegisterPartnerInput): Promise<Partner> {
    return toPartner(await this.partnerService.register(identity, input));
  }

  @Mutation(() => Partner, { description: 'Changes the fields given of one of your partners (null clears an optional one).' })
  @Roles(...WRITER_ROLES)
  async updatePartner(
    @CurrentIdentity() identity: Identity,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdatePartnerInput,
  ): Promise<Partner> {
    return toPartner(await this.partnerService.update(identity, id, input));
  }

  @Query(() => PartnerConnection, { description: 'Your jurisdiction’s partners, oldest first; needsCountry: only those whose country is unknown.' })
  @Roles(...READER_ROLES)
  async partners(
    @CurrentIdentity() identity: Identity,
    @Args() paging: PageArgsInput,
    @Args('needsCountry', { type: () => Boolean, nullable: true }) needsCountry?: boolean | null,
  ): Promise<PartnerConnection> {
    const page = await this.partnerService.list(identity, paging, { needsCountry: needsCountry ?? false });
    return { ...page, nodes: page.nodes.map(toPartner) };
  }

  @Query(() => [PartnerDuplicateGroup], { description: 'Groups of your partners that look like one counterpart, with the reason.' })
  @Roles(...READER_ROLES)
  async partnerDuplicates(@CurrentIdentity() identity: Identity): Promise<PartnerDuplicateGroup[]> {
    const groups = await this.partnerService.duplicateGroups(identity);
    return groups.map((group) => ({ reason: group.reason as DuplicateReasonValue, key: group.key, partners: group.partners.map(toPartner) }));
  }

  @ResolveField(() => [LikelyDuplicate], { description: 'Your other partners that look like the same counterpart (same Wikidata id, or same name and country)' })
  async likelyDuplicates(@CurrentIdentity() identity: Identity, @Parent() partner: ResolvedPartner): Promise<LikelyDuplicate[]> {
    if (!partner.record) return [];
    const matches = await this.partnerService.likelyDuplicates(identity, partner.record);
    return matches.map((match) => ({ partner: toPartner(match.partner), reason: match.reason as DuplicateReasonValue }));
  }
}

