import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PRIORITY_FOCI } from '@entente/contracts';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { REGISTRY_RECORD_KINDS } from '../registry-records/registry-record.schema';
import { PRIORITY_STATUSES } from './priority.schema';

export const PriorityFocusValue = graphqlEnum('PriorityFocus', PRIORITY_FOCI, 'Why the priority: a policy priority both sides share, economies that complement each other, or cultural ties');
export type PriorityFocusValue = (typeof PRIORITY_FOCI)[number];

export const PriorityStatusValue = graphqlEnum('PriorityStatus', PRIORITY_STATUSES, 'Active priorities count against the cap; retired ones steer nothing');
export type PriorityStatusValue = (typeof PRIORITY_STATUSES)[number];

export const EvidenceKindValue = graphqlEnum('EvidenceKind', REGISTRY_RECORD_KINDS, 'The kind of registry record a priority links as evidence');
export type EvidenceKindValue = (typeof REGISTRY_RECORD_KINDS)[number];

@ObjectType({ description: 'A registry record of your jurisdiction that shows why the priority is worth it' })
export class EvidenceLink {
  @Field(() => EvidenceKindValue)
  kind!: EvidenceKindValue;

  @Field(() => ID, { description: 'The partner’s, relationship’s or asset’s id in the registry' })
  recordId!: string;
}

@ObjectType({ description: 'A key performance indicator of a priority' })
export class Kpi {
  @Field(() => ID)
  kpiId!: string;

  @Field()
  name!: string;

  @Field({ description: 'e.g. companies, EUR, visits' })
  unit!: string;

  @Field(() => Float)
  baseline!: number;

  @Field(() => Float)
  target!: number;

  @Field(() => Float, { nullable: true, description: 'The last value reported (recordKpiProgress); null until then' })
  current!: number | null;
}

@ObjectType({ description: 'What the jurisdiction chose to pursue abroad, and why' })
export class Priority {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [ID], { description: 'Goals of your strategy it advances' })
  goalIds!: string[];

  @Field(() => PriorityFocusValue)
  focus!: PriorityFocusValue;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes' })
  targetCountries!: string[];

  @Field(() => [String])
  sectors!: string[];

  @Field(() => [String])
  themes!: string[];

  @Field(() => [EvidenceLink])
  evidence!: EvidenceLink[];

  @Field(() => [Kpi])
  kpis!: Kpi[];

  @Field(() => [Int], { description: 'UN Sustainable Development Goals, 1 to 17' })
  sdgs!: number[];

  @Field(() => PriorityStatusValue)
  status!: PriorityStatusValue;

  @Field(() => String, { nullable: true })
  retiredReason!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class PriorityConnection extends Connection(Priority) {}

@ObjectType({ description: 'A priority written, and what a person should read about it' })
export class PriorityResult {
  @Field(() => Priority)
  priority!: Priority;

  @Field(() => [String], { description: 'Past the soft cap: how many are active and which to consider retiring' })
  warnings!: string[];
}

@ObjectType({ description: 'How many active priorities your strategy’s staff can carry' })
export class PriorityCapView {
  @Field(() => Int, { description: 'Active priorities now' })
  active!: number;

  @Field(() => Int, { description: 'Past this many, setting one more warns' })
  soft!: number;

  @Field(() => Int, { description: 'Past this many, setting one more is refused' })
  hard!: number;

  @Field(() => Float, { description: 'Staff FTE of the strategy (the default when it does not say)' })
  staffFte!: number;

  @Field({ description: 'The rule the limits come from' })
  rule!: string;

  @Field({ description: 'True when the strategy sets the limits itself' })
  overridden!: boolean;
}
