import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { FUNDER_TYPES } from '../funders/funder-types';
import { OPPORTUNITY_STATUSES, type OpportunityStatus, SOURCE_KINDS, type SourceKind } from './opportunity';

export const OpportunityStatusValue = graphqlEnum('OpportunityStatus', OPPORTUNITY_STATUSES, 'forecasted → open → closed → archived, whatever the source calls it');
export type OpportunityStatusValue = OpportunityStatus;

const FUNDER_KIND_VALUES = FUNDER_TYPES.map((type) => type.kind);
export const FunderKindValue = graphqlEnum('FunderKind', FUNDER_KIND_VALUES, 'The kind of funder an opportunity is normalised to (see funderTypes)');
export type FunderKindValue = (typeof FUNDER_KIND_VALUES)[number];

export const SourceKindValue = graphqlEnum('FundingSourceKind', SOURCE_KINDS, 'The format a source is read in: the Grants.gov XML extract, the Simpler.Grants.gov or EU Funding & Tenders search API, an RSS or Atom feed, a CSV list');
export type SourceKindValue = SourceKind;

@ObjectType({ description: 'How much an opportunity awards, in its currency; null where the source does not say' })
export class AwardAmounts {
  @Field(() => Float, { nullable: true }) floor!: number | null;
  @Field(() => Float, { nullable: true }) ceiling!: number | null;
  @Field(() => Float, { nullable: true }) total!: number | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217' }) currency!: string | null;
}

@ObjectType({ description: 'One field a new version changed; values as JSON text (dates as ISO strings)' })
export class OpportunityFieldChange {
  @Field() field!: string;
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}

@ObjectType({ description: 'One version of an opportunity: when the platform saw it and what changed from the one before' })
export class OpportunityVersionView {
  @Field(() => Int) version!: number;
  @Field() seenAt!: Date;
  @Field({ description: 'The scouting run that saw it' }) runId!: string;
  @Field(() => [OpportunityFieldChange], { description: 'Empty for version 1' }) changes!: OpportunityFieldChange[];
}

@ObjectType({ description: 'A funding opportunity, normalised from its source; public to every signed-in user' })
export class OpportunityView {
  @Field(() => ID, { description: 'sourceId:sourceRecordId' }) id!: string;
  @Field() sourceId!: string;
  @Field(() => SourceKindValue) sourceKind!: SourceKindValue;
  @Field({ description: 'Its key at the source (Grants.gov OpportunityID, EU identifier, feed guid, CSV id)' }) sourceRecordId!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true, description: 'The source’s reference: opportunity number, call identifier' }) reference!: string | null;
  @Field() funder!: string;
  @Field(() => FunderKindValue) funderType!: FunderKindValue;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => OpportunityStatusValue) status!: OpportunityStatusValue;
  @Field(() => Date, { nullable: true }) postedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'The deadline as an instant; timeZone is the zone the source states it in' }) closesAt!: Date | null;
  @Field({ description: 'IANA time zone of the source’s dates, e.g. America/New_York' }) timeZone!: string;
  @Field(() => AwardAmounts) award!: AwardAmounts;
  @Field(() => Boolean, { nullable: true, description: 'Whether cost sharing or matching funds are required; null when not stated' }) costSharing!: boolean | null;
  @Field(() => [String], { description: 'Who may apply, e.g. city-or-township-governments, nonprofits-with-501c3, unrestricted' }) eligibleApplicantTypes!: string[];
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2; empty when the source names none' }) eligibleCountries!: string[];
  @Field(() => String, { nullable: true }) eligibilityText!: string | null;
  @Field(() => [String], { description: 'Kebab-case themes, e.g. regional-development' }) themes!: string[];
  @Field(() => Boolean, { nullable: true, description: 'Whether joint or consortium bids are allowed; null when not stated' }) jointBidsAllowed!: boolean | null;
  @Field(() => Int) version!: number;
  @Field() firstSeenAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => [OpportunityVersionView], { nullable: true, description: 'Every version, oldest first (only on opportunity(id))' }) versions!: OpportunityVersionView[] | null;
}

@ObjectType()
export class OpportunityConnection extends Connection(OpportunityView) {}

@InputType({ description: 'What to look for; every filter left out or empty matches everything' })
export class OpportunitySearchInput {
  @Field(() => String, { nullable: true, description: 'Words that must all appear in the title, funder, reference or description (any case); a word starting with - must not' })
  keywords?: string | null;

  @Field(() => [OpportunityStatusValue], { nullable: true }) statuses?: OpportunityStatusValue[] | null;
  @Field(() => [FunderKindValue], { nullable: true }) funderTypes?: FunderKindValue[] | null;
  @Field(() => [String], { nullable: true, description: 'Any of these themes (kebab-case, e.g. regional-development)' }) themes?: string[] | null;
  @Field(() => Date, { nullable: true, description: 'Closing at or after this instant' }) closesAfter?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Closing at or before this instant' }) closesBefore?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Posted at or after this instant' }) postedAfter?: Date | null;
  @Field(() => String, { nullable: true, description: 'Only this source' }) sourceId?: string | null;
}

@ArgsType()
export class OpportunitySearchArgs {
  @Field(() => OpportunitySearchInput, { nullable: true }) filter?: OpportunitySearchInput | null;
}
