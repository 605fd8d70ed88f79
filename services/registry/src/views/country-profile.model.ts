import { Field, ObjectType } from '@nestjs/graphql';
import { Asset } from '../assets/asset.model';
import { Engagement } from '../engagements/engagement.model';
import { Partner } from '../partners/partner.model';
import { Relationship } from '../relationships/relationship.model';

@ObjectType({ description: 'Everything that ties the jurisdiction to one country: the evidence behind economic complementarity and cultural ties.' })
export class CountryProfile {
  @Field({ description: 'ISO 3166-1 alpha-2 code' })
  country!: string;

  @Field(() => [Asset], { description: 'Export sectors selling to the country' })
  exports!: Asset[];

  @Field(() => [Asset], { description: 'Inbound investment originating in the country' })
  fdiInbound!: Asset[];

  @Field(() => [Asset], { description: 'Outbound investment going to the country' })
  fdiOutbound!: Asset[];

  @Field(() => [Asset], { description: 'Diaspora communities, immigrant populations and cultural ties' })
  culturalConnections!: Asset[];

  @Field(() => [Asset], { description: 'Other assets that name the country' })
  otherAssets!: Asset[];

  @Field(() => [Partner])
  partners!: Partner[];

  @Field(() => [Relationship], { description: 'Relationships with partners in the country' })
  relationships!: Relationship[];

  @Field(() => [Engagement], { description: 'Engagements with partners in the country, newest first' })
  engagements!: Engagement[];
}
