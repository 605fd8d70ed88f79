import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Asset } from '../assets/asset.model';
import { Engagement } from '../engagements/engagement.model';
import { Partner } from '../partners/partner.model';
import { Relationship } from '../relationships/relationship.model';
import { KeyFigure } from '../assets/table-one.model';

/** GraphQL names the sections in upper case; the values are the profile's field names. */
export enum ProfileSectionValue {
  EXPORTS = 'exports',
  FDI_INBOUND = 'fdiInbound',
  FDI_OUTBOUND = 'fdiOutbound',
  CULTURAL_CONNECTIONS = 'culturalConnections',
  OTHER_ASSETS = 'otherAssets',
}

registerEnumType(ProfileSectionValue, {
  name: 'ProfileSection',
  description:
    'A section of assets in a country profile: EXPORTS (export sectors), FDI_INBOUND, FDI_OUTBOUND, CULTURAL_CONNECTIONS (diaspora communities, immigrant populations, cultural ties), OTHER_ASSETS (any other asset naming the country)',
});

@ObjectType({ description: 'One section of assets in a country profile: all of them counted and summed, and the first of them listed.' })
export class ProfileAssetSection {
  @Field(() => Int, { description: 'How many of your assets are in this section' })
  count!: number;

  @Field(() => [KeyFigure], { description: 'The figures of all of them, summed by unit and currency' })
  keyFigures!: KeyFigure[];

  @Field(() => [Asset], { description: 'The first of them, oldest first (as many as the profile was asked for)' })
  assets!: Asset[];

  @Field({ description: 'Whether there are more than listed: page on with countryProfileAssets(after: endCursor)' })
  hasMore!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'Everything that ties the jurisdiction to one country: the evidence behind economic complementarity and cultural ties.' })
export class CountryProfile {
  @Field({ description: 'ISO 3166-1 alpha-2 code' })
  country!: string;

  @Field(() => ProfileAssetSection, { description: 'Export sectors selling to the country' })
  exports!: ProfileAssetSection;

  @Field(() => ProfileAssetSection, { description: 'Inbound investment originating in the country' })
  fdiInbound!: ProfileAssetSection;

  @Field(() => ProfileAssetSection, { description: 'Outbound investment going to the country' })
  fdiOutbound!: ProfileAssetSection;

  @Field(() => ProfileAssetSection, { description: 'Diaspora communities, immigrant populations and cultural ties' })
  culturalConnections!: ProfileAssetSection;

  @Field(() => ProfileAssetSection, { description: 'Other assets that name the country' })
  otherAssets!: ProfileAssetSection;

  @Field(() => [Partner])
  partners!: Partner[];

  @Field(() => [Relationship], { description: 'Relationships with partners in the country' })
  relationships!: Relationship[];

  @Field(() => [Engagement], { description: 'Engagements with partners in the country, newest first' })
  engagements!: Engagement[];
}
