import { Field, Float, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { EvidenceKindValue, PriorityFocusValue, PriorityStatusValue } from '../priority.model';
import { PRIORITY_LIMITS } from '../priority.rules';

@InputType()
export class EvidenceLinkInput {
  @Field(() => EvidenceKindValue)
  kind!: EvidenceKindValue;

  @Field(() => ID, { description: 'A partner, relationship or asset of your jurisdiction’s registry' })
  recordId!: string;
}

@InputType()
export class KpiInput {
  @Field(() => ID, { nullable: true, description: 'Keep a KPI’s id to keep its reported value; left out, it gets a new one' })
  kpiId?: string | null;

  @Field({ description: `Up to ${PRIORITY_LIMITS.kpiName} characters` })
  name!: string;

  @Field({ description: `Up to ${PRIORITY_LIMITS.unit} characters` })
  unit!: string;

  @Field(() => Float)
  baseline!: number;

  @Field(() => Float)
  target!: number;

  @Field(() => Float, { nullable: true, description: 'Left out: the value already reported stays' })
  current?: number | null;
}

@InputType()
export class SetPriorityInput {
  @Field({ description: `Up to ${PRIORITY_LIMITS.title} characters` })
  title!: string;

  @Field(() => String, { nullable: true, description: `Up to ${PRIORITY_LIMITS.description} characters` })
  description?: string | null;

  @Field(() => [ID], { nullable: true, description: `Goals of your strategy it advances: at least one, at most ${PRIORITY_LIMITS.goalIds}` })
  goalIds?: string[] | null;

  @Field(() => PriorityFocusValue)
  focus!: PriorityFocusValue;

  @Field(() => [String], { nullable: true, description: `ISO 3166-1 alpha-2 codes, at most ${PRIORITY_LIMITS.countries}` })
  targetCountries?: string[] | null;

  @Field(() => [String], { nullable: true, description: `At most ${PRIORITY_LIMITS.words}, each up to ${PRIORITY_LIMITS.word} characters` })
  sectors?: string[] | null;

  @Field(() => [String], { nullable: true, description: `At most ${PRIORITY_LIMITS.words}, each up to ${PRIORITY_LIMITS.word} characters` })
  themes?: string[] | null;

  @Field(() => [EvidenceLinkInput], { nullable: true, description: `At most ${PRIORITY_LIMITS.evidence}` })
  evidence?: EvidenceLinkInput[] | null;

  @Field(() => [KpiInput], { nullable: true, description: `At most ${PRIORITY_LIMITS.kpis}` })
  kpis?: KpiInput[] | null;

  @Field(() => [Int], { nullable: true, description: 'UN Sustainable Development Goals, 1 to 17' })
  sdgs?: number[] | null;
}

/** Every field of a new priority, each optional here, and the status to bring a retired one back. */
@InputType({ description: 'What is left out stays as it is; a list given replaces the whole list (evidence links added are checked against the registry)' })
export class ChangePriorityInput extends PartialType(SetPriorityInput, InputType) {
  @Field(() => PriorityStatusValue, { nullable: true, description: 'ACTIVE brings a retired priority back (within the cap); retire with retirePriority' })
  status?: PriorityStatusValue | null;
}
