import { FITS, NEUTRAL, OVER, PENDING } from '../colors';
import type { ImportJobStatus, RelationshipStatus } from '../gql/graphql';

/** The registry's transitions (services/registry relationship.rules.ts): the console offers only these; the API refuses any other anyway. */
export const RELATIONSHIP_TRANSITIONS: Readonly<Record<RelationshipStatus, readonly RelationshipStatus[]>> = {
  PROSPECTIVE: ['ACTIVE', 'ENDED'],
  ACTIVE: ['DORMANT', 'ENDED'],
  DORMANT: ['ACTIVE', 'ENDED'],
  ENDED: [],
};

export const RELATIONSHIP_STATUSES: readonly RelationshipStatus[] = ['PROSPECTIVE', 'ACTIVE', 'DORMANT', 'ENDED'];

/** A relationship status as a colour with AA contrast on white: green while active, amber once dormant, grey otherwise. */
export function relationshipStatusColor(status: RelationshipStatus): string {
  if (status === 'ACTIVE') return FITS;
  if (status === 'DORMANT') return PENDING;
  return NEUTRAL;
}

/** True while the job has yet to succeed or fail: the job page polls it until then. */
export function isRunning(status: ImportJobStatus): boolean {
  return status === 'QUEUED' || status === 'VALIDATING' || status === 'APPLYING';
}

export function importStatusColor(status: ImportJobStatus): string {
  if (status === 'SUCCEEDED') return FITS;
  if (status === 'FAILED') return OVER;
  return PENDING;
}
