import { Field, InputType } from '@nestjs/graphql';
import { PartnerKindValue } from '../partner.model';

@InputType()
export class RegisterPartnerInput {
  @Field({ description: 'The partner’s name, up to 200 characters' })
  name!: string;

  @Field(() => PartnerKindValue)
  kind!: PartnerKindValue;

  @Field({ description: 'ISO 3166-1 alpha-2 country code, such as DK or NZ' })
  country!: string;
}
