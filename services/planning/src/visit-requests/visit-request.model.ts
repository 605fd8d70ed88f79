import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { VISIT_REQUEST_STATUSES, type VisitRequestStatus } from './visit-request.schema';

export const VisitRequestStatusValue = graphqlEnum('VisitRequestStatus', VISIT_REQUEST_STATUSES, 'received, then accepted (a hosted visit in the plan) or declined (with a reason)');
export type VisitRequestStatusValue = VisitRequestStatus;

@ObjectType({ description: 'A request to visit your jurisdiction, scored against your priorities and plan capacity' })
export class VisitRequest {
  @Field(() => ID) id!: string;
  @Field() visitor!: string;
  @Field(() => String, { nullable: true }) organisation!: string | null;
  @Field() country!: string;
  @Field(() => String, { nullable: true }) sector!: string | null;
  @Field() purpose!: string;
  @Field() dateStart!: string;
  @Field() dateEnd!: string;
  @Field(() => Int, { nullable: true }) delegationSize!: number | null;
  @Field(() => Float) estimatedCost!: number;
  @Field(() => Float) estimatedStaffDays!: number;
  @Field(() => VisitRequestStatusValue) status!: VisitRequestStatusValue;
  @Field(() => Int, { description: '0–100: up to 60 for the best-fitting priority, up to 40 for the plan capacity left' }) score!: number;
  @Field({ description: 'The score in a sentence' }) explanation!: string;
  @Field(() => ID, { nullable: true }) priorityId!: string | null;
  @Field(() => String, { nullable: true }) declineReason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The hosted-visit activity an acceptance added' }) activityId!: string | null;
  @Field(() => Int, { nullable: true }) planYear!: number | null;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class VisitRequestConnection extends Connection(VisitRequest) {}

@InputType()
export class VisitRequestInput {
  @Field({ description: 'Who asks to visit (delegation or person)' }) visitor!: string;
  @Field(() => String, { nullable: true }) organisation?: string | null;
  @Field({ description: 'ISO 3166-1 alpha-2 country they come from' }) country!: string;
  @Field(() => String, { nullable: true }) sector?: string | null;
  @Field() purpose!: string;
  @Field({ description: 'YYYY-MM-DD' }) dateStart!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; default dateStart' }) dateEnd?: string | null;
  @Field(() => Int, { nullable: true }) delegationSize?: number | null;
  @Field(() => Float, { nullable: true, description: 'What hosting costs your own budget (default 0)' }) estimatedCost?: number | null;
  @Field(() => Float, { nullable: true, description: 'Staff-days hosting takes (default 3)' }) estimatedStaffDays?: number | null;
}
