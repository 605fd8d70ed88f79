import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { isIsoCountryCode } from '../reference/iso-country-codes';
import { TOPICS } from '../topics';

/**
 * Asset events of the registry (topic registry.asset.v1, keyed by asset id).
 *
 * The categories and types are the values of Table 1 as the registry stores
 * them (services/registry/src/assets/asset-catalogue.ts; a unit spec there
 * proves the two lists agree). A new type is an additive change; renaming or
 * removing one is a new version.
 *
 * Confidentiality decides what leaves the registry. An asset marked `internal`
 * is announced only by what lets other services count and place it — id,
 * category, type, countries and sectors — never its name, description, source
 * organisation, magnitude or as-of date: the payload schema is strict, so an
 * internal payload that carries any of them fails validation on produce and
 * is never written. `network` and `public` assets carry those fields too.
 * Recorded and updated carry the asset's whole state after the change, so a
 * consumer replaces what it holds; an update to `internal` therefore tells it
 * to forget the details it had.
 */
export const ASSET_EVENT_CATEGORIES = [
  'economic-foundations',
  'cultural-and-community-connections',
  'innovation-strengths',
  'existing-international-relationships',
  'institutional-capabilities',
] as const;

export const ASSET_EVENT_TYPES = [
  'key-industry',
  'major-employer',
  'export-sector',
  'inbound-fdi',
  'outbound-fdi',
  'diaspora-community',
  'immigrant-population',
  'cultural-tie',
  'university',
  'research-centre',
  'civic-or-nonprofit-organisation',
  'staff-fte',
  'international-affairs-budget',
  'partner-organisation-resources',
] as const;

export const ASSET_CONFIDENTIALITY_LEVELS = ['internal', 'network', 'public'] as const;

const countryCode = z.string().refine((code): boolean => isIsoCountryCode(code), 'must be an ISO 3166-1 alpha-2 code such as FR');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

/** What every asset event says, whatever the confidentiality. */
const assetIdentity = {
  assetId: z.string().min(1),
  category: z.enum(ASSET_EVENT_CATEGORIES),
  type: z.enum(ASSET_EVENT_TYPES),
};

const sharedState = {
  ...assetIdentity,
  countries: z.array(countryCode).max(50),
  sectors: z.array(z.string().trim().min(1).max(100)).max(20),
};

const magnitude = z.object({
  value: z.number().nonnegative().finite(),
  unit: z.string().trim().min(1).max(40),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR').nullable(),
});

/** Internal assets: strict, so any internal-only field makes the payload invalid. */
const internalAssetState = z.strictObject({
  ...sharedState,
  confidentiality: z.literal('internal'),
});

/** Assets shared with the jurisdiction's networks or with anyone. */
const sharedAssetState = z.strictObject({
  ...sharedState,
  confidentiality: z.enum(['network', 'public']),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullable(),
  magnitude: magnitude.nullable(),
  sourceOrganisation: z.string().max(200).nullable(),
  asOf: isoDate.nullable(),
});

export const AssetStateV1Schema = z.discriminatedUnion('confidentiality', [internalAssetState, sharedAssetState]);

export const AssetRecordedV1 = defineEvent({
  type: 'registry.asset.recorded',
  version: 1,
  topic: TOPICS.registryAsset,
  schema: AssetStateV1Schema,
});

export const AssetUpdatedV1 = defineEvent({
  type: 'registry.asset.updated',
  version: 1,
  topic: TOPICS.registryAsset,
  schema: AssetStateV1Schema,
});

/** The asset is gone from the inventory; category and type let a consumer adjust its counts. */
export const AssetRemovedV1 = defineEvent({
  type: 'registry.asset.removed',
  version: 1,
  topic: TOPICS.registryAsset,
  schema: z.strictObject(assetIdentity),
});

export type AssetStateV1Payload = z.output<typeof AssetStateV1Schema>;
export type AssetRemovedV1Payload = z.output<typeof AssetRemovedV1.schema>;
