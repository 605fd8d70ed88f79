import type { JurisdictionStatus } from '../gql/graphql';
import { FITS, NEUTRAL, OVER, PENDING } from '../colors';

/** A jurisdiction's status as a colour with AA contrast on white: amber while onboarding, green when active, red when suspended, grey once offboarded. */
export function statusColor(status: JurisdictionStatus): string {
  if (status === 'ACTIVE') return FITS;
  if (status === 'ONBOARDING') return PENDING;
  if (status === 'SUSPENDED') return OVER;
  return NEUTRAL;
}
