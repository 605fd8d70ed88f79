import { Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { AssetRepository } from '../assets/asset.repository';
import type { AssetView } from '../assets/asset.schema';
import { EngagementRepository } from '../engagements/engagement.repository';
import type { EngagementRecord } from '../engagements/engagement.schema';
import { PartnerRepository } from '../partners/partner.repository';
import type { PartnerRecord } from '../partners/partner.schema';
import { RelationshipRepository } from '../relationships/relationship.repository';
import type { RelationshipRecord } from '../relationships/relationship.schema';
import { CachedViews } from './cached-views';
import { buildCountryProfile, CountryProfile, parseProfileCountry } from './country-profile';

export type CountryProfileRecords = CountryProfile<AssetView, PartnerRecord, RelationshipRecord, EngagementRecord>;

@Injectable()
export class CountryProfileService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly partners: PartnerRepository,
    private readonly relationships: RelationshipRepository,
    private readonly engagements: EngagementRepository,
    private readonly views: CachedViews,
  ) {}

  /** The profile of one country, cached until the jurisdiction's next write. */
  async profile(identity: Identity, country: string): Promise<CountryProfileRecords> {
    const scope = { jurisdictionId: identity.jurisdictionId };
    const code = parseProfileCountry(country);
    return this.views.read(scope, `country-profile:${code}`, () => this.compute(scope, code), weighProfile);
  }

  /**
   * Reads only what names the country or its partners, then sorts it into the
   * profile. The assets (the long read) run alongside the partners and then
   * the relationships and engagements of those partners, which need the
   * partners' ids.
   */
  private async compute(scope: { jurisdictionId: string }, code: string): Promise<CountryProfileRecords> {
    const tiesOfPartners = async () => {
      const partners = await this.partners.inCountry(scope, code);
      const partnerIds = partners.map((partner) => partner.partnerId);
      if (partnerIds.length === 0) return { partners, relationships: [], engagements: [] };
      const [relationships, engagements] = await Promise.all([this.relationships.withPartners(scope, partnerIds), this.engagements.withAnyPartner(scope, partnerIds)]);
      return { partners, relationships, engagements };
    };
    const [assets, ties] = await Promise.all([this.assets.naming(scope, code), tiesOfPartners()]);
    return buildCountryProfile(code, { assets, ...ties });
  }
}

function weighProfile(profile: CountryProfileRecords): number {
  return (
    profile.exports.length +
    profile.fdiInbound.length +
    profile.fdiOutbound.length +
    profile.culturalConnections.length +
    profile.otherAssets.length +
    profile.partners.length +
    profile.relationships.length +
    profile.engagements.length
  );
}
