import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How many of your partners are in one country.' })
export class CountryTies {
  @Field({ description: 'ISO 3166-1 alpha-2 country code' })
  country!: string;

  @Field(() => Int)
  partnerCount!: number;
}
