import { Field, Float, InputType } from '@nestjs/graphql';
import { AssetCategoryValue, AssetTypeValue, ConfidentialityValue } from '../asset.model';

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
  @Field({ description: 'Up to 200 characters' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Up to 2,000 characters' })
  description?: string | null;

  @Field(() => AssetCategoryValue)
  category!: AssetCategoryValue;

  @Field(() => AssetTypeValue, { description: 'A type of the category' })
  type!: AssetTypeValue;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes, at most 50; FDI needs at least one' })
  countries?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'At most 20, each up to 100 characters' })
  sectors?: string[] | null;

  @Field(() => MagnitudeInput, { nullable: true, description: 'A figure; asOf is then required' })
  magnitude?: MagnitudeInput | null;

  @Field(() => String, { nullable: true, description: 'The organisation the figure comes from, up to 200 characters' })
  sourceOrganisation?: string | null;

  @Field(() => String, { nullable: true, description: 'When the figure held, YYYY-MM-DD, not in the future' })
  asOf?: string | null;

  @Field(() => ConfidentialityValue, { nullable: true, description: 'Defaults to INTERNAL' })
  confidentiality?: ConfidentialityValue | null;
}
