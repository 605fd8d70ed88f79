import { Field, InputType } from '@nestjs/graphql';
import { PartnerKindValue } from '../partner.model';
import { CONTACT_PHONE_MAX_LENGTH, CONTACT_TEXT_MAX_LENGTH, PARTNER_NAME_MAX_LENGTH, PARTNER_NOTES_MAX_LENGTH, PHONE_FORMAT } from '../partner.rules';

@InputType({ description: 'A person at the partner' })
export class PartnerContactInput {
  @Field({ description: `Up to ${CONTACT_TEXT_MAX_LENGTH} characters` })
  name!: string;

  @Field(() => String, { nullable: true, description: `Up to ${CONTACT_TEXT_MAX_LENGTH} characters` })
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'An e-mail address' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: `As written, up to ${CONTACT_PHONE_MAX_LENGTH} characters: ${PHONE_FORMAT}, such as +45 89 40 20 00 or +1 (410) 555-0100` })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: `Up to ${PARTNER_NOTES_MAX_LENGTH} characters` })
  notes?: string | null;
}

@InputType()
export class RegisterPartnerInput {
  @Field({ description: `The partner’s name, up to ${PARTNER_NAME_MAX_LENGTH} characters` })
  name!: string;

  @Field(() => PartnerKindValue)
  kind!: PartnerKindValue;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code, such as DK or NZ; leave it out when unknown' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Wikidata item id, such as Q25319' })
  wikidataId?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) address' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: `Up to ${PARTNER_NOTES_MAX_LENGTH} characters` })
  notes?: string | null;

  @Field(() => [PartnerContactInput], { nullable: true, description: 'At most 20' })
  contacts?: PartnerContactInput[] | null;
}
