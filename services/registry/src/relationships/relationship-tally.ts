import type { RelationshipStatus, RelationshipType } from './relationship.rules';

/** The jurisdiction's relationships of one type and status. */
export interface RelationshipTally {
  type: RelationshipType;
  status: RelationshipStatus;
  count: number;
}
