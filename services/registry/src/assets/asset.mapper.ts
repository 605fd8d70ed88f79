import { Asset, AssetCategoryValue, AssetTypeValue, ConfidentialityValue } from './asset.model';
import type { AssetView } from './asset.schema';

export function toAsset(record: AssetView): Asset {
  return {
    id: record.assetId,
    name: record.name,
    description: record.description ?? null,
    category: record.category as AssetCategoryValue,
    type: record.type as AssetTypeValue,
    countries: [...record.countries],
    sectors: [...record.sectors],
    magnitude: record.magnitude ? { value: record.magnitude.value, unit: record.magnitude.unit, currency: record.magnitude.currency ?? null } : null,
    sourceOrganisation: record.sourceOrganisation ?? null,
    asOf: record.asOf ?? null,
    confidentiality: record.confidentiality as ConfidentialityValue,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
