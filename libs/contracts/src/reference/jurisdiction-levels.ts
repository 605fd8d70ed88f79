/** The levels of government a jurisdiction of the platform can be; new levels are a contract change. */
export const JURISDICTION_LEVELS = ['city', 'county', 'state-or-province', 'region', 'other'] as const;

export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

/**
 * Where a jurisdiction is in its life on the platform. `onboarding`: created
 * by a platform-admin, its first admin invited; `active`: in use;
 * `suspended`: its users are refused until reactivated; `offboarded`: its data
 * was exported and is being deleted everywhere.
 */
export const JURISDICTION_STATUSES = ['onboarding', 'active', 'suspended', 'offboarded'] as const;

export type JurisdictionStatus = (typeof JURISDICTION_STATUSES)[number];

/** A jurisdiction id: the lower-case slug also carried by its users' `jurisdiction` token claim. */
export const JURISDICTION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
