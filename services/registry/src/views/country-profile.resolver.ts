import { UseGuards } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, READER_ROLES, Roles, RolesGuard } from '@entente/auth';
import { AssetConnection } from '../assets/asset.model';
import { toAsset } from '../assets/asset.mapper';
import type { AssetView } from '../assets/asset.schema';
import { PROFILE_SECTIONS } from '../assets/profile-sections';
import { toEngagement } from '../engagements/engagement.mapper';
import { toPartner } from '../partners/partner.mapper';
import { toRelationship } from '../relationships/relationship.mapper';
import type { AssetSection } from './country-profile';
import { CountryProfile, ProfileAssetSection, ProfileSectionValue } from './country-profile.model';
import { CountryProfileService, PROFILE_FIRST_DEFAULT } from './country-profile.service';
import { PageArgsInput } from '@entente/service-runtime';

@Resolver(() => CountryProfile)
@UseGuards(AuthenticatedGuard, RolesGuard)
export class CountryProfileResolver {
  constructor(private readonly profiles: CountryProfileService) {}

  @Query(() => CountryProfile, {
    description: `Everything tying your jurisdiction to one country (ISO 3166-1 alpha-2): each section of assets counted, summed and its first \`first\` assets listed (default ${PROFILE_FIRST_DEFAULT}, at most 100); partners, relationships and engagements in full.`,
  })
  @Roles(...READER_ROLES)
  async countryProfile(
    @CurrentIdentity() identity: Identity,
    @Args('country') country: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<CountryProfile> {
    const profile = await this.profiles.profile(identity, country, first ?? PROFILE_FIRST_DEFAULT);
    const sections = Object.fromEntries(PROFILE_SECTIONS.map((section) => [section, toSection(profile[section])])) as Record<(typeof PROFILE_SECTIONS)[number], ProfileAssetSection>;
    return {
      country: profile.country,
      ...sections,
      partners: profile.partners.map(toPartner),
      relationships: profile.relationships.map(toRelationship),
      engagements: profile.engagements.map(toEngagement),
    };
  }

  @Query(() => AssetConnection, { description: 'One section of a country profile a page at a time, oldest first: pass the section’s endCursor as `after` to go on from its first page.' })
  @Roles(...READER_ROLES)
  async countryProfileAssets(
    @CurrentIdentity() identity: Identity,
    @Args('country') country: string,
    @Args('section', { type: () => ProfileSectionValue }) section: ProfileSectionValue,
    @Args() paging: PageArgsInput,
  ): Promise<AssetConnection> {
    const page = await this.profiles.sectionPage(identity, country, section, paging);
    return { ...page, nodes: page.nodes.map(toAsset) };
  }
}

function toSection(section: AssetSection<AssetView>): ProfileAssetSection {
  return { count: section.count, keyFigures: section.keyFigures, assets: section.assets.map(toAsset), hasMore: section.hasMore, endCursor: section.endCursor };
}
