import { Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { AssetRepository } from '../assets/asset.repository';
import type { AssetRecord } from '../assets/asset.schema';
import { EngagementRepository } from '../engagements/engagement.repository';
import type { EngagementRecord } from '../engagements/engagement.schema';
import { PartnerRepository } from '../partners/partner.repository';
import type { PartnerRecord } from '../partners/partner.schema';
import { RelationshipRepository } from '../relationships/relationship.repository';
import type { RelationshipRecord } from '../relationships/relationship.schema';
import { buildCountryProfile, CountryProfile, parseProfileCountry } from './country-profile';

export type CountryProfileRecords = CountryProfile<AssetRecord, PartnerRecord & { id: string }, RelationshipRecord, EngagementRecord>;

@Injectable()
export class CountryProfileService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly partners: PartnerRepository,
    private readonly relationships: RelationshipRepository,
    private readonly engagements: EngagementRepository,
  ) {}

  /** Reads only what names the country or its partners, then sorts it into the profile. */
  async profile(identity: Identity, country: string): Promise<CountryProfileRecords> {
    const scope = { jurisdictionId: identity.jurisdictionId };
    const code = parseProfileCountry(country);
    const [assets, partners] = await Promise.all([this.assets.naming(scope, code), this.partners.inCountry(scope, code)]);
    const partnerIds = partners.map((partner) => partner.partnerId);
    const [relationships, engagements] =
      partnerIds.length === 0
        ? [[], []]
        : await Promise.all([this.relationships.withPartners(scope, partnerIds), this.engagements.withAnyPartner(scope, partnerIds)]);
    return buildCountryProfile(code, {
      assets,
      partners: partners.map((partner) => ({ ...partner, id: partner.partnerId })),
      relationships,
      engagements,
    });
  }
}
