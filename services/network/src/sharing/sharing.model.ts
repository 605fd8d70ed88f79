import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { ASSET_CATEGORIES, SHARING_SCOPES } from './sharing-scopes';
import { SHARED_VIEWS } from './views.service';

export const SharingScopeValue = graphqlEnum(
  'SharingScope',
  SHARING_SCOPES,
  'What a member shares with a network: partners, relationships, priorities, planned activities (outbound delegations and hosted visits), funding interests (nothing yet), asset categories',
);
export type SharingScopeValue = (typeof SHARING_SCOPES)[number];

export const AssetCategoryValue = graphqlEnum('SharedAssetCategory', ASSET_CATEGORIES, 'A Table 1 category of assets');
export type AssetCategoryValue = (typeof ASSET_CATEGORIES)[number];

export const SharedViewValue = graphqlEnum('SharedView', SHARED_VIEWS, 'Which view of a network’s shared data was read');
export type SharedViewValue = (typeof SHARED_VIEWS)[number];

@ObjectType({ description: 'Your jurisdiction’s grant of one scope to one network: dated, revocable' })
export class SharingGrant {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  networkId!: string;

  @Field(() => SharingScopeValue)
  scope!: SharingScopeValue;

  @Field(() => [String], { description: 'The fields the network sees' })
  fields!: string[];

  @Field(() => [AssetCategoryValue], { nullable: true, description: 'For asset categories: the categories shared; null shares all (internal assets never)' })
  assetCategories!: AssetCategoryValue[] | null;

  @Field()
  grantedAt!: Date;

  @Field(() => ID)
  grantedBy!: string;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field({ description: 'Not revoked' })
  current!: boolean;
}

@ObjectType({ description: 'A partner as a network sees it: fields the grant leaves out are null' })
export class SharedPartner {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { nullable: true })
  name!: string | null;
  @Field(() => String, { nullable: true })
  kind!: string | null;
  @Field(() => String, { nullable: true })
  country!: string | null;
  @Field(() => String, { nullable: true })
  wikidataId!: string | null;
}

@ObjectType({ description: 'A relationship as a network sees it: fields the grant leaves out are null; champions and owners are never shared' })
export class SharedRelationship {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { nullable: true })
  partnerName!: string | null;
  @Field(() => String, { nullable: true })
  partnerCountry!: string | null;
  @Field(() => String, { nullable: true })
  type!: string | null;
  @Field(() => String, { nullable: true })
  status!: string | null;
  @Field(() => String, { nullable: true })
  since!: string | null;
  @Field(() => String, { nullable: true })
  until!: string | null;
  @Field(() => String, { nullable: true })
  leadDepartment!: string | null;
}

@ObjectType({ description: 'A priority as a network sees it: fields the grant leaves out are null' })
export class SharedPriority {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { nullable: true })
  title!: string | null;
  @Field(() => String, { nullable: true })
  focus!: string | null;
  @Field(() => [String], { nullable: true })
  goalKinds!: string[] | null;
  @Field(() => [String], { nullable: true })
  countries!: string[] | null;
  @Field(() => [String], { nullable: true })
  sectors!: string[] | null;
  @Field(() => [String], { nullable: true })
  themes!: string[] | null;
  @Field(() => [Int], { nullable: true })
  sdgs!: number[] | null;
}

@ObjectType({ description: 'A planned outbound delegation or hosted visit as a network sees it: fields the grant leaves out are null' })
export class SharedActivity {
  @Field(() => ID)
  id!: string;
  @Field(() => Int, { nullable: true })
  year!: number | null;
  @Field(() => String, { nullable: true })
  title!: string | null;
  @Field(() => String, { nullable: true })
  type!: string | null;
  @Field(() => String, { nullable: true })
  mode!: string | null;
  @Field(() => String, { nullable: true })
  frequency!: string | null;
  @Field(() => String, { nullable: true })
  status!: string | null;
  @Field(() => String, { nullable: true })
  country!: string | null;
  @Field(() => String, { nullable: true })
  city!: string | null;
  @Field(() => String, { nullable: true })
  windowStart!: string | null;
  @Field(() => String, { nullable: true })
  windowEnd!: string | null;
  @Field(() => Float, { nullable: true, description: 'What one occurrence costs, every funding source together (the cost field of the grant)' })
  costAmount!: number | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of costAmount (the member’s own; never converted)' })
  costCurrency!: string | null;
}

@ObjectType({ description: 'An asset (never an internal one) as a network sees it: fields the grant leaves out are null' })
export class SharedAsset {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { nullable: true })
  category!: string | null;
  @Field(() => String, { nullable: true })
  type!: string | null;
  @Field(() => [String], { nullable: true })
  countries!: string[] | null;
  @Field(() => [String], { nullable: true })
  sectors!: string[] | null;
  @Field(() => String, { nullable: true })
  name!: string | null;
  @Field(() => String, { nullable: true })
  description!: string | null;
  @Field(() => Float, { nullable: true })
  magnitudeValue!: number | null;
  @Field(() => String, { nullable: true })
  magnitudeUnit!: string | null;
  @Field(() => String, { nullable: true })
  sourceOrganisation!: string | null;
  @Field(() => String, { nullable: true })
  asOf!: string | null;
}

@ObjectType({ description: 'What one member shares with a network' })
export class MemberSharedData {
  @Field(() => ID)
  jurisdictionId!: string;
  @Field()
  name!: string;
  @Field(() => [SharingScopeValue], { description: 'The scopes its copies come from' })
  scopes!: SharingScopeValue[];
  @Field(() => [SharedPartner])
  partners!: SharedPartner[];
  @Field(() => [SharedRelationship])
  relationships!: SharedRelationship[];
  @Field(() => [SharedPriority])
  priorities!: SharedPriority[];
  @Field(() => [SharedActivity])
  activities!: SharedActivity[];
  @Field(() => [SharedAsset])
  assets!: SharedAsset[];
}

@ObjectType({ description: 'One member × one country: how much of its shared data points there' })
export class NetworkHeatCell {
  @Field(() => ID)
  jurisdictionId!: string;
  @Field()
  memberName!: string;
  @Field({ description: 'ISO 3166-1 alpha-2' })
  country!: string;
  @Field(() => Int)
  priorities!: number;
  @Field(() => Int)
  activities!: number;
  @Field(() => Int)
  partners!: number;
  @Field(() => Int)
  relationships!: number;
  @Field(() => Int)
  assets!: number;
  @Field(() => Int)
  total!: number;
}

@ObjectType({ description: 'A shared planned delegation or hosted visit on the network’s calendar' })
export class NetworkCalendarEntry {
  @Field(() => ID)
  jurisdictionId!: string;
  @Field()
  memberName!: string;
  @Field(() => ID)
  activityId!: string;
  @Field(() => String, { nullable: true })
  title!: string | null;
  @Field(() => String, { nullable: true })
  type!: string | null;
  @Field(() => String, { nullable: true })
  country!: string | null;
  @Field(() => String, { nullable: true })
  city!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  windowStart!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  windowEnd!: string | null;
  @Field(() => String, { nullable: true })
  status!: string | null;
}

@ObjectType({ description: 'One read of your jurisdiction’s shared data' })
export class SharingAccessEntry {
  @Field(() => ID)
  networkId!: string;
  @Field(() => ID)
  readerUserId!: string;
  @Field()
  readerUsername!: string;
  @Field(() => ID)
  readerJurisdictionId!: string;
  @Field(() => SharedViewValue)
  view!: SharedViewValue;
  @Field(() => [SharingScopeValue])
  scopes!: SharingScopeValue[];
  @Field(() => Int, { description: 'How many of your records it returned' })
  recordCount!: number;
  @Field()
  at!: Date;
}

@ObjectType()
export class SharingAccessConnection extends Connection(SharingAccessEntry) {}
