import { Field, ID, InputType } from '@nestjs/graphql';
import { NETWORK_LIMITS } from '../network.rules';

@InputType()
export class CreateNetworkInput {
  @Field({ description: `Up to ${NETWORK_LIMITS.name} characters` })
  name!: string;

  @Field(() => String, { nullable: true, description: `Up to ${NETWORK_LIMITS.description} characters` })
  description?: string | null;

  @Field(() => [ID], { nullable: true, description: `Keycloak user ids of its coordinators, at most ${NETWORK_LIMITS.coordinators}; a regional-coordinator creating a network is always one` })
  coordinatorUserIds?: string[] | null;
}
