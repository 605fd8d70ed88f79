import { Field, ID, InputType } from '@nestjs/graphql';
import { RelationshipStatusValue, RelationshipTypeValue } from '../relationship.model';
import { RELATIONSHIP_MAX_PRIORITIES, RELATIONSHIP_TEXT_MAX_LENGTH } from '../relationship.rules';

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

  @Field(() => String, { nullable: true, description: `Up to ${RELATIONSHIP_TEXT_MAX_LENGTH} characters` })
  formalBasis?: string | null;

  @Field(() => String, { nullable: true, description: `Up to ${RELATIONSHIP_TEXT_MAX_LENGTH} characters` })
  politicalCycle?: string | null;

  @Field(() => String, { nullable: true, description: `Up to ${RELATIONSHIP_TEXT_MAX_LENGTH} characters` })
  politicalChampion?: string | null;

  @Field(() => String, { nullable: true, description: `Up to ${RELATIONSHIP_TEXT_MAX_LENGTH} characters` })
  technicalOwner?: string | null;

  @Field(() => String, { nullable: true, description: `Up to ${RELATIONSHIP_TEXT_MAX_LENGTH} characters` })
  leadDepartment?: string | null;

  @Field(() => [String], { nullable: true, description: `Ids of planning’s priorities, at most ${RELATIONSHIP_MAX_PRIORITIES}` })
  priorityIds?: string[] | null;
}
