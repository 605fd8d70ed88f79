import type { AssetRemovedV1Payload, AssetStateV1Payload } from '@entente/contracts';
import type { AssetContent } from './asset.repository';

/**
 * What the registry tells other services about an asset (registry.asset.recorded
 * and .updated v1). Countries and sectors go out whatever the confidentiality,
 * so network and planning can count ties by country and sector; an `internal`
 * asset's name, description, source organisation, magnitude and as-of date
 * stay in the registry. Built field by field, never by spreading the record,
 * so a field added to assets later does not leak by default.
 */
export function assetStatePayload(assetId: string, asset: AssetContent): AssetStateV1Payload {
  const shared = {
    assetId,
    category: asset.category,
    type: asset.type,
    countries: [...asset.countries],
    sectors: [...asset.sectors],
  };
  if (asset.confidentiality === 'internal') return { ...shared, confidentiality: 'internal' };
  return {
    ...shared,
    confidentiality: asset.confidentiality,
    name: asset.name,
    description: asset.description,
    magnitude: asset.magnitude ? { value: asset.magnitude.value, unit: asset.magnitude.unit, currency: asset.magnitude.currency } : null,
    sourceOrganisation: asset.sourceOrganisation,
    asOf: asset.asOf,
  };
}

export function assetRemovedPayload(asset: Pick<AssetContent, 'category' | 'type'> & { assetId: string }): AssetRemovedV1Payload {
  return { assetId: asset.assetId, category: asset.category, type: asset.type };
}
