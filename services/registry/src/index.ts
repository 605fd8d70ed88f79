/**
 * The registry's public module, for tooling that runs its inventory in
 * process (the benchmarks in tools/bench): the inventory harness, the
 * services it exposes and the catalogues their inputs use. Nothing else of
 * the registry is reachable from outside it (Nx module boundaries).
 */
export { emptyOutboxes, openRegistryContext } from './harness/inventory-context';
export { AssetService } from './assets/asset.service';
export { ASSET_TYPES, type AssetType, categoryOfAssetType } from './assets/asset-catalogue';
export { parseRecordAsset, type RecordAssetInput } from './assets/asset.rules';
export { PROFILE_SECTIONS } from './assets/profile-sections';
export { EngagementService } from './engagements/engagement.service';
export { ENGAGEMENT_TYPES, type LogEngagementInput, parseEngagement } from './engagements/engagement.rules';
export { TwinningCatalogueRepository } from './imports/twinning-catalogue.repository';
export { PartnerService } from './partners/partner.service';
export { RelationshipService } from './relationships/relationship.service';
export { type EstablishRelationshipInput, parseRelationship, RELATIONSHIP_TYPES } from './relationships/relationship.rules';
export { type CountryProfileRecords, CountryProfileService } from './views/country-profile.service';
export type { TableOneRow } from './assets/table-one';
