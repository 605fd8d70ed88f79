import { UseGuards } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, Roles, RolesGuard } from '@entente/auth';
import { RegisterPartnerInput } from './dtos/register-partner.input';
import { Partner, PartnerConnection, PartnerKindValue } from './partner.model';
import type { PartnerRecord } from './partner.schema';
import { PartnerService } from './partner.service';

@Resolver(() => Partner)
@UseGuards(AuthenticatedGuard, RolesGuard)
export class PartnerResolver {
  constructor(private readonly partnerService: PartnerService) {}

  @Mutation(() => Partner, { description: 'Registers a foreign counterpart for your jurisdiction.' })
  @Roles('staff', 'jurisdiction-admin')
  async registerPartner(@CurrentIdentity() identity: Identity, @Args('input') input: RegisterPartnerInput): Promise<Partner> {
    return toPartner(await this.partnerService.register(identity, input));
  }

  @Query(() => PartnerConnection, { description: 'Your jurisdiction’s partners, oldest first.' })
  @Roles('viewer', 'staff', 'executive', 'jurisdiction-admin', 'regional-coordinator')
  async partners(
    @CurrentIdentity() identity: Identity,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<PartnerConnection> {
    const page = await this.partnerService.list(identity, { first, after });
    return { ...page, nodes: page.nodes.map(toPartner) };
  }
}

export function toPartner(record: PartnerRecord): Partner {
  return {
    id: record.partnerId,
    name: record.name,
    kind: record.kind as PartnerKindValue,
    country: record.country,
    createdAt: record.createdAt,
  };
}
