import { Field, InputType } from '@nestjs/graphql';
import { PartnerKindValue } from '../partner.model';
import { PartnerContactInput } from './register-partner.input';

@InputType({ description: 'The fields to change; a field left out is kept, null clears an optional one, contacts replace the list' })
export class UpdatePartnerInput {
  @Field(() => String, { nullable: true, description: 'Up to 200 characters; cannot be cleared' })
  name?: string | null;

  @Field(() => PartnerKindValue, { nullable: true, description: 'Cannot be cleared' })
  kind?: PartnerKindValue | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; null when unknown' })
  country?: string | null;

  @Field(() => String, { nullable: true })
  wikidataId?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [PartnerContactInput], { nullable: true })
  contacts?: PartnerContactInput[] | null;
}
