import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NETWORK_MEMBERSHIP_STATUSES } from '@entente/contracts';
import { graphqlEnum } from '@entente/service-runtime';

export const NetworkMembershipStatusValue = graphqlEnum('NetworkMembershipStatus', NETWORK_MEMBERSHIP_STATUSES, 'Invited (not yet accepted), active member, or left (or declined)');
export type NetworkMembershipStatusValue = (typeof NETWORK_MEMBERSHIP_STATUSES)[number];

@ObjectType({ description: 'A jurisdiction in a network' })
export class NetworkMember {
  @Field(() => ID)
  jurisdictionId!: string;

  @Field()
  name!: string;

  @Field(() => NetworkMembershipStatusValue)
  status!: NetworkMembershipStatusValue;

  @Field(() => Date, { nullable: true })
  joinedAt!: Date | null;
}

@ObjectType({ description: 'A network of jurisdictions that share chosen data with each other and its coordinators' })
export class Network {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [ID], { description: 'Keycloak user ids of its coordinators (users with the role regional-coordinator)' })
  coordinatorUserIds!: string[];

  @Field(() => NetworkMembershipStatusValue, { nullable: true, description: 'Your jurisdiction’s membership; null when it has none' })
  myMembership!: NetworkMembershipStatusValue | null;

  @Field({ description: 'Whether you coordinate it' })
  iCoordinate!: boolean;

  @Field(() => [NetworkMember], { description: 'Members and invitees (left out by the list of networks; read one network for them)' })
  members!: NetworkMember[];

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'Your jurisdiction’s membership of a network' })
export class NetworkMembership {
  @Field(() => ID)
  networkId!: string;

  @Field(() => ID)
  jurisdictionId!: string;

  @Field(() => NetworkMembershipStatusValue)
  status!: NetworkMembershipStatusValue;

  @Field()
  invitedAt!: Date;

  @Field(() => Date, { nullable: true })
  joinedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  leftAt!: Date | null;
}
