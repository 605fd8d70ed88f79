import { UseGuards } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, READER_ROLES, Roles, RolesGuard } from '@entente/auth';
import { toAsset } from '../assets/asset.resolver';
import { toEngagement } from '../engagements/engagement.resolver';
import { toPartner } from '../partners/partner.resolver';
import { toRelationship } from '../relationships/relationship.resolver';
import { CountryProfile } from './country-profile.model';
import { CountryProfileService } from './country-profile.service';

@Resolver(() => CountryProfile)
@UseGuards(AuthenticatedGuard, RolesGuard)
export class CountryProfileResolver {
  constructor(private readonly profiles: CountryProfileService) {}

  @Query(() => CountryProfile, { description: 'Everything tying your jurisdiction to one country (ISO 3166-1 alpha-2).' })
  @Roles(...READER_ROLES)
  async countryProfile(@CurrentIdentity() identity: Identity, @Args('country') country: string): Promise<CountryProfile> {
    const profile = await this.profiles.profile(identity, country);
    return {
      country: profile.country,
      exports: profile.exports.map(toAsset),
      fdiInbound: profile.fdiInbound.map(toAsset),
      fdiOutbound: profile.fdiOutbound.map(toAsset),
      culturalConnections: profile.culturalConnections.map(toAsset),
      otherAssets: profile.otherAssets.map(toAsset),
      partners: profile.partners.map(toPartner),
      relationships: profile.relationships.map(toRelationship),
      engagements: profile.engagements.map(toEngagement),
    };
  }
}
