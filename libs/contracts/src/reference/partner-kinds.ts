/** The kinds of counterpart a jurisdiction engages with; new kinds are a contract change. */
export const PARTNER_KINDS = [
  'city',
  'region',
  'national-body',
  'embassy-or-consulate',
  'chamber',
  'university',
  'business-association',
  'international-organisation',
  'network',
] as const;

export type PartnerKind = (typeof PARTNER_KINDS)[number];
