import { Field, InputType, Int } from '@nestjs/graphql';
import { JurisdictionLevelValue, RoleValue } from '../jurisdiction.model';
import { INVITEE_EMAIL_MAX_LENGTH, INVITEE_NAME_MAX_LENGTH, JURISDICTION_NAME_MAX_LENGTH } from '../jurisdiction.rules';

@InputType()
export class InviteeInput {
  @Field({ description: `Also the username; up to ${INVITEE_EMAIL_MAX_LENGTH} characters` })
  email!: string;

  @Field({ description: `Up to ${INVITEE_NAME_MAX_LENGTH} characters` })
  firstName!: string;

  @Field({ description: `Up to ${INVITEE_NAME_MAX_LENGTH} characters` })
  lastName!: string;
}

@InputType()
export class InviteUserInput extends InviteeInput {
  @Field(() => [RoleValue], { description: 'jurisdiction-admin, executive, staff or viewer (a platform-admin may also grant regional-coordinator)' })
  roles!: RoleValue[];

  @Field(() => String, { nullable: true, description: 'Platform-admins only: the jurisdiction to invite into; others always invite into their own' })
  jurisdictionId?: string | null;
}

@InputType({ description: 'A jurisdiction’s profile fields; on update, only the given ones change (null clears an optional one)' })
export class JurisdictionProfileInput {
  @Field(() => String, { nullable: true, description: `Up to ${JURISDICTION_NAME_MAX_LENGTH} characters` })
  name?: string | null;

  @Field(() => JurisdictionLevelValue, { nullable: true })
  level?: JurisdictionLevelValue | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. DE' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 of the country, e.g. DE-MV' })
  subdivision?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. Q2861' })
  wikidataId?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Berlin' })
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217, e.g. EUR' })
  currency?: string | null;

  @Field(() => String, { nullable: true, description: 'MM-DD, e.g. 01-01' })
  fiscalYearStart?: string | null;

  @Field(() => [String], { nullable: true, description: 'BCP 47 tags, e.g. ["de"]' })
  languages?: string[] | null;

  @Field(() => Int, { nullable: true })
  population?: number | null;
}

@InputType({ description: 'A new jurisdiction: its id, its whole profile and its first jurisdiction-admin' })
export class OnboardJurisdictionInput extends JurisdictionProfileInput {
  @Field({ description: 'Lower-case slug, e.g. rostock; it becomes the jurisdiction claim of its users and cannot change' })
  id!: string;

  @Field(() => InviteeInput, { nullable: true, description: 'The first jurisdiction-admin to invite; leave out only when its admins already exist in the realm' })
  firstAdmin?: InviteeInput | null;
}
