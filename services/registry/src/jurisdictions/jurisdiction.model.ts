import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { JURISDICTION_LEVELS, JURISDICTION_STATUSES } from '@entente/contracts';
import { PLATFORM_ROLES } from '@entente/auth';

/** GraphQL names the values in upper case; the values are the contract's. */
export const JurisdictionLevelValue = graphqlEnum('JurisdictionLevel', JURISDICTION_LEVELS, 'The level of government a jurisdiction is');
export type JurisdictionLevelValue = (typeof JURISDICTION_LEVELS)[number];

export const JurisdictionStatusValue = graphqlEnum('JurisdictionStatus', JURISDICTION_STATUSES, 'Where a jurisdiction is in its life on the platform');
export type JurisdictionStatusValue = (typeof JURISDICTION_STATUSES)[number];

export const RoleValue = graphqlEnum('Role', PLATFORM_ROLES, 'What a user may do on the platform');
export type RoleValue = (typeof PLATFORM_ROLES)[number];

@ObjectType({ description: 'A tenant of the platform: a city, county, state or province, or region, and its profile' })
export class Jurisdiction {
  @Field(() => ID, { description: 'Lower-case slug, also the `jurisdiction` claim of its users’ tokens' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => JurisdictionLevelValue)
  level!: JurisdictionLevelValue;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  country!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2, e.g. DE-MV' })
  subdivision!: string | null;

  @Field(() => String, { nullable: true })
  wikidataId!: string | null;

  @Field({ description: 'IANA time zone' })
  timeZone!: string;

  @Field({ description: 'ISO 4217' })
  currency!: string;

  @Field({ description: 'First day of the fiscal year, MM-DD' })
  fiscalYearStart!: string;

  @Field(() => [String], { description: 'BCP 47 language tags' })
  languages!: string[];

  @Field(() => Int, { nullable: true })
  population!: number | null;

  @Field(() => JurisdictionStatusValue)
  status!: JurisdictionStatusValue;

  @Field(() => String, { nullable: true })
  statusReason!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class JurisdictionConnection extends Connection(Jurisdiction) {}

@ObjectType({ description: 'A person of a jurisdiction, as the identity provider (Keycloak) knows them' })
export class PlatformUser {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  jurisdictionId!: string | null;

  @Field(() => [RoleValue])
  roles!: RoleValue[];

  @Field({ description: 'False once deactivated: the user can no longer sign in and their tokens are refused' })
  enabled!: boolean;

  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;
}

@ObjectType({ description: 'A new user and the one-time password to hand them; they choose their own at first sign-in' })
export class Invitation {
  @Field(() => PlatformUser)
  user!: PlatformUser;

  @Field({ description: 'Shown only here. Temporary: Keycloak asks for a new password at the first sign-in' })
  temporaryPassword!: string;
}

@ObjectType()
export class OnboardingResult {
  @Field(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Field(() => Invitation, { nullable: true, description: 'The first jurisdiction-admin, when one was invited' })
  firstAdmin!: Invitation | null;
}

@ObjectType({ description: 'Everything the platform holds for one jurisdiction, as JSON, with a digest that identifies this content' })
export class JurisdictionExport {
  @Field(() => ID)
  jurisdictionId!: string;

  @Field({ description: 'SHA-256 of the content (hex); offboardJurisdiction asks for it' })
  digest!: string;

  @Field()
  exportedAt!: Date;

  @Field({ description: 'The archive (format entente.jurisdiction-archive, version 1) as JSON text' })
  archive!: string;
}
