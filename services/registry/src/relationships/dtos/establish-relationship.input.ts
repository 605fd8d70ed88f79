import { Field, ID, InputType } from '@nestjs/graphql';
import { RelationshipStatusValue, RelationshipTypeValue } from '../relationship.model';

@InputType()
export class EstablishRelationshipInput {
  @Field(() => ID, { description: 'A partner of your jurisdiction (registerPartner)' })
  partnerId!: string;

  @Field(() => RelationshipTypeValue)
  type!: RelationshipTypeValue;

  @Field(() => RelationshipStatusValue, { nullable: true, description: 'Defaults to PROSPECTIVE; an existing tie may be recorded as it is' })
  status?: RelationshipStatusValue | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  since?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before since' })
  until?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters' })
  formalBasis?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters' })
  politicalCycle?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters' })
  politicalChampion?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters' })
  technicalOwner?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to 200 characters' })
  leadDepartment?: string | null;

  @Field(() => [String], { nullable: true, description: 'Ids of planning’s priorities, at most 50' })
  priorityIds?: string[] | null;
}
