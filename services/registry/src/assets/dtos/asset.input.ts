import { Field, Float, InputType } from '@nestjs/graphql';
import { AssetCategoryValue, AssetTypeValue, ConfidentialityValue } from '../asset.model';
import { ASSET_DESCRIPTION_MAX_LENGTH, ASSET_MAX_COUNTRIES, ASSET_MAX_SECTORS, ASSET_NAME_MAX_LENGTH, ASSET_SECTOR_MAX_LENGTH, ASSET_SOURCE_MAX_LENGTH } from '../asset.rules';

@InputType()
export class MagnitudeInput {
  @Field(() => Float, { description: 'Zero or more' })
  value!: number;

  @Field({ description: 'e.g. jobs, people, fte, companies, or money (then give the currency)' })
  unit!: string;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code such as EUR, only when the unit is money' })
  currency?: string | null;
}

@InputType({ description: 'An asset’s whole content: recordAsset creates one, updateAsset replaces one' })
export class AssetInput {
  @Field({ description: `Up to ${ASSET_NAME_MAX_LENGTH} characters` })
  name!: string;

  @Field(() => String, { nullable: true, description: `Up to ${ASSET_DESCRIPTION_MAX_LENGTH} characters` })
  description?: string | null;

  @Field(() => AssetCategoryValue)
  category!: AssetCategoryValue;

  @Field(() => AssetTypeValue, { description: 'A type of the category' })
  type!: AssetTypeValue;

  @Field(() => [String], { nullable: true, description: `ISO 3166-1 alpha-2 codes, at most ${ASSET_MAX_COUNTRIES}; FDI needs at least one` })
  countries?: string[] | null;

  @Field(() => [String], { nullable: true, description: `At most ${ASSET_MAX_SECTORS}, each up to ${ASSET_SECTOR_MAX_LENGTH} characters` })
  sectors?: string[] | null;

  @Field(() => MagnitudeInput, { nullable: true, description: 'A figure; asOf is then required' })
  magnitude?: MagnitudeInput | null;

  @Field(() => String, { nullable: true, description: `The organisation the figure comes from, up to ${ASSET_SOURCE_MAX_LENGTH} characters` })
  sourceOrganisation?: string | null;

  @Field(() => String, { nullable: true, description: 'When the figure held, YYYY-MM-DD, not in the future' })
  asOf?: string | null;

  @Field(() => ConfidentialityValue, { nullable: true, description: 'Defaults to INTERNAL' })
  confidentiality?: ConfidentialityValue | null;
}
