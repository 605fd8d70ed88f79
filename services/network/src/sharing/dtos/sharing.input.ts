import { Field, ID, InputType } from '@nestjs/graphql';
import { AssetCategoryValue, SharingScopeValue } from '../sharing.model';
import { fieldsOfScope, SHARING_SCOPES } from '../sharing-scopes';

const FIELDS_HELP = SHARING_SCOPES.filter((scope) => fieldsOfScope(scope).length > 0)
  .map((scope) => `${scope}: ${fieldsOfScope(scope).join(', ')}`)
  .join('; ');

@InputType({ description: 'One scope to share (or to preview)' })
export class SharingTermsInput {
  @Field(() => SharingScopeValue)
  scope!: SharingScopeValue;

  @Field(() => [String], { nullable: true, description: `The fields the network may see; left out, all of the scope's. By scope: ${FIELDS_HELP}` })
  fields?: string[] | null;

  @Field(() => [AssetCategoryValue], { nullable: true, description: 'For ASSET_CATEGORIES only: which categories; left out, all (internal assets are never shared)' })
  assetCategories?: AssetCategoryValue[] | null;
}

@InputType({ description: 'Shares one scope with a network your jurisdiction is a member of; replaces a current grant of the same scope' })
export class ShareWithNetworkInput extends SharingTermsInput {
  @Field(() => ID)
  networkId!: string;
}
