import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { ASSET_CATEGORIES, ASSET_TYPES } from './asset-catalogue';
import { CONFIDENTIALITY_LEVELS } from './asset.rules';

/** GraphQL names the categories in upper case; the values are the catalogue's (and the events'). */
export const AssetCategoryValue = graphqlEnum('AssetCategory', ASSET_CATEGORIES, 'The five categories of Table 1. Existing international relationships are recorded as relationships, not assets.');
export type AssetCategoryValue = (typeof ASSET_CATEGORIES)[number];

export const AssetTypeValue = graphqlEnum('AssetType', ASSET_TYPES, 'The type of an asset; each belongs to one category (economic foundations: KEY_INDUSTRY…OUTBOUND_FDI; cultural and community connections: DIASPORA_COMMUNITY, IMMIGRANT_POPULATION, CULTURAL_TIE; innovation strengths: UNIVERSITY, RESEARCH_CENTRE, CIVIC_OR_NONPROFIT_ORGANISATION; institutional capabilities: STAFF_FTE, INTERNATIONAL_AFFAIRS_BUDGET, PARTNER_ORGANISATION_RESOURCES)');
export type AssetTypeValue = (typeof ASSET_TYPES)[number];

export const ConfidentialityValue = graphqlEnum('Confidentiality', CONFIDENTIALITY_LEVELS, 'Who may see an asset: INTERNAL (your office only; other services learn only its category, type, countries and sectors), NETWORK (members of your networks) or PUBLIC');
export type ConfidentialityValue = (typeof CONFIDENTIALITY_LEVELS)[number];

@ObjectType({ description: 'A figure: a value with its unit, and its ISO 4217 currency when the unit is "money"' })
export class Magnitude {
  @Field(() => Float)
  value!: number;

  @Field({ description: 'Lower case, e.g. jobs, people, fte, companies, or money' })
  unit!: string;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code, present exactly when the unit is money' })
  currency!: string | null;
}

@ObjectType({ description: 'One entry of the jurisdiction’s Table 1 inventory of international assets' })
export class Asset {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => AssetCategoryValue)
  category!: AssetCategoryValue;

  @Field(() => AssetTypeValue)
  type!: AssetTypeValue;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 country codes the asset ties the jurisdiction to' })
  countries!: string[];

  @Field(() => [String])
  sectors!: string[];

  @Field(() => Magnitude, { nullable: true })
  magnitude!: Magnitude | null;

  @Field(() => String, { nullable: true, description: 'The organisation the figure comes from (provenance)' })
  sourceOrganisation!: string | null;

  @Field(() => String, { nullable: true, description: 'When the figure held, YYYY-MM-DD' })
  asOf!: string | null;

  @Field(() => ConfidentialityValue)
  confidentiality!: ConfidentialityValue;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class AssetConnection extends Connection(Asset) {}
