import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { FunderKindValue, SourceKindValue } from '../opportunities/opportunity.model';
import { RUN_STATUSES, RUN_TRIGGERS, type RunStatus, type RunTrigger } from './scouting-run.schema';

export const ScoutingRunStatusValue = graphqlEnum('ScoutingRunStatus', RUN_STATUSES, 'queued → running → succeeded, not modified (the source answered 304) or failed (the source as a whole: timeout, HTML, broken off)');
export type ScoutingRunStatusValue = RunStatus;
export const ScoutingRunTriggerValue = graphqlEnum('ScoutingRunTrigger', RUN_TRIGGERS, 'schedule: the source’s schedule; manual: runFundingSource');
export type ScoutingRunTriggerValue = RunTrigger;

@ObjectType({ description: 'What a scouting run did with what it read' })
export class ScoutingRunCounts {
  @Field(() => Int, { description: 'Records the source gave, good or bad' }) read!: number;
  @Field(() => Int) new!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int, { description: 'Bad records left out (reasons in problems)' }) skipped!: number;
  @Field(() => Int, { description: 'Older versions of records the source also lists in a later version' }) superseded!: number;
  @Field(() => Int, { description: 'Records that could not be written; the next run tries again' }) errors!: number;
}

@ObjectType({ description: 'A record left out, and why' })
export class ScoutingRunProblem {
  @Field({ description: 'Its id at the source, or its position (row 3, record 12)' }) record!: string;
  @Field() reason!: string;
}

@ObjectType({ description: 'One scouting run of a source and its report' })
export class ScoutingRun {
  @Field(() => ID) id!: string;
  @Field() sourceId!: string;
  @Field(() => ScoutingRunTriggerValue) trigger!: ScoutingRunTriggerValue;
  @Field(() => String, { nullable: true, description: 'Who asked for a manual run' }) requestedBy!: string | null;
  @Field(() => ScoutingRunStatusValue) status!: ScoutingRunStatusValue;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
  @Field(() => ScoutingRunCounts) counts!: ScoutingRunCounts;
  @Field(() => [ScoutingRunProblem], { description: 'The first 200 records left out' }) problems!: ScoutingRunProblem[];
  @Field(() => Int, { description: 'Open calls closed because their deadline passed' }) closed!: number;
  @Field(() => Int, { description: 'Closing-soon warnings sent' }) closingSoon!: number;
  @Field(() => String, { nullable: true, description: 'Why the run failed as a whole' }) failure!: string | null;
  @Field(() => Int, { description: 'Runners that started it (more than 1: a runner died and another took over)' }) attempts!: number;
}

@ObjectType()
export class ScoutingRunConnection extends Connection(ScoutingRun) {}

// Named apart from planning's FundingSource enum (own budget, external, partner): the supergraph cannot hold both.
@ObjectType('OpportunitySource', { description: 'A source of funding opportunities (platform admins only)' })
export class FundingSource {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => SourceKindValue) kind!: SourceKindValue;
  @Field() url!: string;
  @Field(() => Int, { nullable: true, description: 'Minutes between scheduled runs; null: on demand only' }) scheduleMinutes!: number | null;
  @Field(() => String, { nullable: true, description: 'The environment variable of the funding service that holds its API key (never the key)' }) apiKeyRef!: string | null;
  @Field(() => String, { nullable: true, description: 'Funder name for formats that carry none (feeds, CSV)' }) funder!: string | null;
  @Field(() => FunderKindValue, { nullable: true }) funderType!: FunderKindValue | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217, for amounts that name no currency' }) currency!: string | null;
  @Field(() => String, { nullable: true, description: 'IANA time zone for dates that carry none' }) timeZone!: string | null;
  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 countries eligible when a record names none' }) countries!: string[];
  @Field(() => String, { nullable: true, description: 'Search text for the APIs' }) query!: string | null;
  @Field() enabled!: boolean;
  @Field(() => Date, { nullable: true }) nextRunAt!: Date | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field() createdBy!: string;
  @Field(() => ScoutingRun, { nullable: true, description: 'Its latest run' }) lastRun!: ScoutingRun | null;
}

@ObjectType()
export class FundingSourceConnection extends Connection(FundingSource) {}

@InputType({ description: 'A new source; its id is made from the name when not given' })
export class AddFundingSourceInput {
  @Field(() => String, { nullable: true, description: 'Lower-case letters, digits and hyphens, e.g. grants-gov' }) sourceId?: string | null;
  @Field() name!: string;
  @Field(() => SourceKindValue) kind!: SourceKindValue;
  @Field() url!: string;
  @Field(() => Int, { nullable: true, description: 'Minutes between runs (15 to 10080); null: on demand only' }) scheduleMinutes?: number | null;
  @Field(() => String, { nullable: true, description: 'Name of the environment variable holding the API key, e.g. SIMPLER_GRANTS_API_KEY' }) apiKeyRef?: string | null;
  @Field(() => String, { nullable: true }) funder?: string | null;
  @Field(() => FunderKindValue, { nullable: true }) funderType?: FunderKindValue | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => String, { nullable: true }) timeZone?: string | null;
  @Field(() => [String], { nullable: true }) countries?: string[] | null;
  @Field(() => String, { nullable: true }) query?: string | null;
}

@InputType({ description: 'Fields to change; a field left out stays, null clears an optional one' })
export class UpdateFundingSourceInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => SourceKindValue, { nullable: true }) kind?: SourceKindValue | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => Int, { nullable: true }) scheduleMinutes?: number | null;
  @Field(() => String, { nullable: true }) apiKeyRef?: string | null;
  @Field(() => String, { nullable: true }) funder?: string | null;
  @Field(() => FunderKindValue, { nullable: true }) funderType?: FunderKindValue | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => String, { nullable: true }) timeZone?: string | null;
  @Field(() => [String], { nullable: true }) countries?: string[] | null;
  @Field(() => String, { nullable: true }) query?: string | null;
}
