import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { CADENCE_KINDS, type CadenceKind } from './cadence';

export const AlertCadenceValue = graphqlEnum('AlertCadence', CADENCE_KINDS, 'instant: as each match is found; daily or weekly: one digest at an hour of your time zone');
export type AlertCadenceValue = CadenceKind;

@ObjectType({ description: 'What a saved search looks for; an empty list does not filter' })
export class SearchCriteria {
  @Field(() => [String], { description: 'One of these words or phrases must appear in the title, funder, reference or themes' }) keywords!: string[];
  @Field(() => [String], { description: 'None of these may appear there' }) excludedKeywords!: string[];
  @Field(() => [String], { description: 'forecasted, open, closed, archived; empty: forecasted and open' }) statuses!: string[];
  @Field(() => Float, { nullable: true }) minAmount!: number | null;
  @Field(() => Float, { nullable: true }) maxAmount!: number | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217; amounts compare only in it when set' }) currency!: string | null;
  @Field(() => Int, { nullable: true, description: 'Closes at least this many days after it is found' }) minDaysToClose!: number | null;
  @Field(() => Int, { nullable: true, description: 'Closes at most this many days after it is found' }) maxDaysToClose!: number | null;
  @Field(() => [String], { description: 'Funder kinds, e.g. eu, trust-or-foundation' }) funderTypes!: string[];
  @Field(() => [String]) themes!: string[];
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2; a call that names no country is open to all' }) countries!: string[];
  @Field(() => [String], { description: 'Applicant types, e.g. city-or-township-governments' }) applicantTypes!: string[];
  @Field({ description: 'Only calls your jurisdiction is not ineligible for' }) eligibleOnly!: boolean;
  @Field({ description: 'Only calls that fit one of your jurisdiction’s active priorities' }) matchesMyPriorities!: boolean;
}

@InputType()
export class SearchCriteriaInput {
  @Field(() => [String], { nullable: true }) keywords?: string[] | null;
  @Field(() => [String], { nullable: true }) excludedKeywords?: string[] | null;
  @Field(() => [String], { nullable: true }) statuses?: string[] | null;
  @Field(() => Float, { nullable: true }) minAmount?: number | null;
  @Field(() => Float, { nullable: true }) maxAmount?: number | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => Int, { nullable: true }) minDaysToClose?: number | null;
  @Field(() => Int, { nullable: true }) maxDaysToClose?: number | null;
  @Field(() => [String], { nullable: true }) funderTypes?: string[] | null;
  @Field(() => [String], { nullable: true }) themes?: string[] | null;
  @Field(() => [String], { nullable: true }) countries?: string[] | null;
  @Field(() => [String], { nullable: true }) applicantTypes?: string[] | null;
  @Field(() => Boolean, { nullable: true }) eligibleOnly?: boolean | null;
  @Field(() => Boolean, { nullable: true }) matchesMyPriorities?: boolean | null;
}

@ObjectType({ description: 'When a saved search sends' })
export class SearchCadence {
  @Field(() => AlertCadenceValue) kind!: AlertCadenceValue;
  @Field(() => Int, { description: '0–23 in timeZone (daily and weekly)' }) hour!: number;
  @Field(() => Int, { nullable: true, description: '1 (Monday) – 7 (Sunday); weekly only' }) weekday!: number | null;
  @Field({ description: 'IANA, e.g. Europe/Berlin' }) timeZone!: string;
}

@InputType()
export class SearchCadenceInput {
  @Field(() => AlertCadenceValue) kind!: AlertCadenceValue;
  @Field(() => Int, { nullable: true, description: '0–23, default 8' }) hour?: number | null;
  @Field(() => Int, { nullable: true, description: 'weekly only: 1 (Monday) – 7 (Sunday), default 1' }) weekday?: number | null;
  @Field(() => String, { nullable: true, description: 'IANA time zone, default UTC' }) timeZone?: string | null;
}

@ObjectType({ description: 'Where a webhook alert goes (its secret is never shown again)' })
export class SearchWebhook {
  @Field() url!: string;
  @Field(() => Int, { description: 'POSTs that failed in a row' }) consecutiveFailures!: number;
  @Field(() => Date, { nullable: true, description: 'Set when it failed too often; saving the search again re-enables it' }) disabledAt!: Date | null;
  @Field(() => String, { nullable: true }) disabledReason!: string | null;
}

@ObjectType({ description: 'Where a saved search sends' })
export class SearchChannels {
  @Field({ description: 'The alert inbox and its live subscription' }) inApp!: boolean;
  @Field() email!: boolean;
  @Field(() => String, { nullable: true, description: 'The verified address mail goes to' }) emailTo!: string | null;
  @Field(() => SearchWebhook, { nullable: true }) webhook!: SearchWebhook | null;
}

@InputType()
export class SearchWebhookInput {
  @Field({ description: 'http:// or https://; each alert is POSTed as JSON' }) url!: string;
  @Field({ description: '16–200 characters; the body is signed with HMAC-SHA256 under it (header Entente-Signature: sha256=<hex>)' }) secret!: string;
}

@InputType()
export class SearchChannelsInput {
  @Field(() => Boolean, { nullable: true }) inApp?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'To the verified address of your account' }) email?: boolean | null;
  @Field(() => SearchWebhookInput, { nullable: true }) webhook?: SearchWebhookInput | null;
}

@InputType()
export class SavedSearchInput {
  @Field() name!: string;
  @Field(() => SearchCriteriaInput, { nullable: true }) criteria?: SearchCriteriaInput | null;
  @Field(() => SearchCadenceInput) cadence!: SearchCadenceInput;
  @Field(() => SearchChannelsInput) channels!: SearchChannelsInput;
}

@ObjectType({ description: 'One of your saved searches; nobody else sees it' })
export class SavedSearch {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => SearchCriteria) criteria!: SearchCriteria;
  @Field(() => SearchCadence) cadence!: SearchCadence;
  @Field(() => SearchChannels) channels!: SearchChannels;
  @Field(() => Date, { nullable: true, description: 'No alerts until then' }) snoozedUntil!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Unsubscribed from an email: sends nothing until saved again' }) unsubscribedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the next digest goes out (daily and weekly)' }) nextDigestAt!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType({ description: 'A saved search and, in plain words, the alerts it will send' })
export class SavedSearchResult {
  @Field(() => SavedSearch) search!: SavedSearch;
  @Field({ description: 'What, where and when this search sends' }) notice!: string;
}

@ObjectType()
export class SavedSearchConnection extends Connection(SavedSearch) {}
