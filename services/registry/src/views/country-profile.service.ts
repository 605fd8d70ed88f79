import { Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { scopeOf, encodeCursor, Page, PageArgs, resolvePageArgs, Stored, type TenantScope } from '@entente/persistence';
import { HEAD_SIZE } from '../assets/asset-tallies';
import { AssetRepository } from '../assets/asset.repository';
import type { AssetRecord, AssetView } from '../assets/asset.schema';
import { InventoryTallies, SectionTally } from '../assets/inventory-tallies';
import { PROFILE_SECTIONS, ProfileSection, sectionTypes } from '../assets/profile-sections';
import { EngagementRepository } from '../engagements/engagement.repository';
import type { EngagementRecord } from '../engagements/engagement.schema';
import { PartnerRepository } from '../partners/partner.repository';
import type { PartnerRecord } from '../partners/partner.schema';
import { RelationshipRepository } from '../relationships/relationship.repository';
import type { RelationshipRecord } from '../relationships/relationship.schema';
import { CachedViews } from '../inventory-version/cached-views';
import { AssetSection, buildCountryProfile, CountryProfile, parseProfileCountry } from './country-profile';

export type CountryProfileRecords = CountryProfile<AssetView, PartnerRecord, RelationshipRecord, EngagementRecord>;

/** How many assets of each section a profile lists unless asked for another number. */
export const PROFILE_FIRST_DEFAULT = 10;

@Injectable()
export class CountryProfileService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly tallies: InventoryTallies,
    private readonly partners: PartnerRepository,
    private readonly relationships: RelationshipRepository,
    private readonly engagements: EngagementRepository,
    private readonly views: CachedViews,
  ) {}

  /** The profile of one country with the first `first` assets of each section, cached until the jurisdiction's next write. */
  async profile(identity: Identity, country: string, first: number = PROFILE_FIRST_DEFAULT): Promise<CountryProfileRecords> {
    const scope = scopeOf(identity);
    const code = parseProfileCountry(country);
    const { limit } = resolvePageArgs({ first });
    return this.views.read(scope, `country-profile:${code}:${limit}`, () => this.compute(scope, code, limit), weighProfile);
  }

  /** One section's assets a page at a time, oldest first: what follows the profile's first page. */
  sectionPage(identity: Identity, country: string, section: ProfileSection, args: PageArgs): Promise<Page<AssetRecord & Stored>> {
    return this.assets.naming(scopeOf(identity), parseProfileCountry(country), sectionTypes(section), args);
  }

  /**
   * The sections' counts, key figures and first assets come from the kept
   * tallies (one document) and a lookup per listed asset; the partners, then
   * the relationships and engagements of those partners, are read alongside.
   */
  private async compute(scope: TenantScope, code: string, first: number): Promise<CountryProfileRecords> {
    const tiesOfPartners = async () => {
      const partners = await this.partners.inCountry(scope, code);
      const partnerIds = partners.map((partner) => partner.partnerId);
      if (partnerIds.length === 0) return { partners, relationships: [], engagements: [] };
      const [relationships, engagements] = await Promise.all([this.relationships.withPartners(scope, partnerIds), this.engagements.withAnyPartner(scope, partnerIds)]);
      return { partners, relationships, engagements };
    };
    const [sections, ties] = await Promise.all([this.sections(scope, code, first), tiesOfPartners()]);
    return buildCountryProfile(code, { sections, ...ties });
  }

  private async sections(scope: TenantScope, code: string, first: number): Promise<Record<ProfileSection, AssetSection<AssetView>>> {
    const tallied = await this.tallies.country(scope, code);
    const sections = await Promise.all(PROFILE_SECTIONS.map((section) => this.section(scope, code, section, tallied[section], first)));
    return Object.fromEntries(PROFILE_SECTIONS.map((section, i) => [section, sections[i]])) as Record<ProfileSection, AssetSection<AssetView>>;
  }

  /** A section's first page: from its head when the head holds it, else read like any later page. */
  private async section(scope: TenantScope, code: string, section: ProfileSection, tally: SectionTally, first: number): Promise<AssetSection<AssetView>> {
    const { count, keyFigures } = tally;
    if (first <= HEAD_SIZE) {
      const listed = tally.head.slice(0, first);
      const assets = await this.assets.byIds(scope, listed.map((entry) => entry.id));
      const last = assets[assets.length - 1];
      return { count, keyFigures, assets, hasMore: count > listed.length, endCursor: last ? encodeCursor(last._id) : null };
    }
    const page = await this.assets.naming(scope, code, sectionTypes(section), { first });
    return { count, keyFigures, assets: page.nodes, hasMore: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor };
  }
}

function weighProfile(profile: CountryProfileRecords): number {
  return PROFILE_SECTIONS.reduce((sum, section) => sum + profile[section].assets.length, 0) + profile.partners.length + profile.relationships.length + profile.engagements.length;
}
