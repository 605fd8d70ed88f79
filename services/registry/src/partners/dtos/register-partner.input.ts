import { InputType, IntersectionType, PartialType, PickType } from '@nestjs/graphql';
import { Partner } from '../partner.model';
import { PARTNER_CONTENT_FIELDS } from '../partner.rules';

type ContentField = (typeof PARTNER_CONTENT_FIELDS)[number];
type OptionalField = Exclude<ContentField, 'name' | 'kind'>;

/** The content fields a new partner may leave out: all but its name and kind (a new content field is one of them by default). */
const OPTIONAL_FIELDS = PARTNER_CONTENT_FIELDS.filter((field): field is OptionalField => field !== 'name' && field !== 'kind');

/** A new partner: the Partner type's content fields, name and kind required (picked, so each field is declared once, in partner.model.ts). */
@InputType()
export class RegisterPartnerInput extends IntersectionType(
  PickType(Partner, ['name', 'kind'] as const, InputType),
  PartialType(PickType(Partner, OPTIONAL_FIELDS, InputType), InputType),
  InputType,
) {}
