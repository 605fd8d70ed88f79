import { graphql } from '../gql';

export const NetworksQuery = graphql(`
  query Networks {
    networks {
      id
      name
      description
      myMembership
      iCoordinate
      createdAt
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptNetworkInvitation($networkId: ID!) {
    acceptNetworkInvitation(networkId: $networkId) {
      networkId
      status
    }
  }
`);

export const LeaveNetworkMutation = graphql(`
  mutation LeaveNetwork($networkId: ID!) {
    leaveNetwork(networkId: $networkId) {
      networkId
      status
    }
  }
`);

export const InviteToJointEffortMutation = graphql(`
  mutation InviteToJointEffort($effortId: ID!, $jurisdictionId: ID!, $shares: [CostShareInput!]!) {
    inviteToJointEffort(effortId: $effortId, jurisdictionId: $jurisdictionId, shares: $shares) {
      id
      participants {
        jurisdictionId
        costShare
      }
    }
  }
`);

export const SetJointEffortCostSharesMutation = graphql(`
  mutation SetJointEffortCostShares($effortId: ID!, $shares: [CostShareInput!]!) {
    setJointEffortCostShares(effortId: $effortId, shares: $shares) {
      id
      participants {
        jurisdictionId
        costShare
      }
    }
  }
`);
