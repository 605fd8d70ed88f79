import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A kind of funder that funding opportunities are normalised to.' })
export class FunderType {
  @Field({ description: 'Stable key, e.g. eu or trust-or-foundation' })
  kind!: string;

  @Field()
  title!: string;

  @Field({ description: 'Typical funders and programmes of this kind' })
  examples!: string;
}
