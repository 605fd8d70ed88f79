import { Injectable } from '@nestjs/common';
import type { AssetStateV1Payload, RelationshipEstablishedV2Payload } from '@entente/contracts';
import type { TenantScope } from '@entente/persistence';
import { RegistryRecordRepository } from './registry-record.repository';
import type { RelationshipStatus } from './registry-record.schema';

/**
 * What each registry event means for planning's copy of the registry. The
 * registry keys partner events by partner id and relationship events by
 * relationship id, so one record's events arrive in order, but a merge (keyed
 * by the survivor) and a relationship's events can cross: a relationship that
 * still names a merged partner is read as the survivor's.
 */
@Injectable()
export class RegistryRecordsProjection {
  constructor(private readonly records: RegistryRecordRepository) {}

  async partnerState(scope: TenantScope, partner: { partnerId: string; name: string }, at: Date): Promise<void> {
    if (await this.records.applyPartner(scope, partner, at)) await this.records.renamePartnerOnRelationships(scope, partner.partnerId, partner.name);
  }

  async partnerMerged(scope: TenantScope, survivor: { partnerId: string; name: string }, mergedPartnerId: string, at: Date): Promise<void> {
    await this.records.markMerged(scope, mergedPartnerId, survivor.partnerId, at);
    await this.partnerState(scope, survivor, at);
    const current = await this.records.find(scope, 'partner', survivor.partnerId);
    await this.records.movePartnerRelationships(scope, mergedPartnerId, { partnerId: survivor.partnerId, name: current?.name ?? survivor.name });
  }

  /** v1 and v2 differ only in whether the partner's country may be null, which planning does not keep. */
  async relationshipEstablished(scope: TenantScope, relationship: Omit<RelationshipEstablishedV2Payload, 'partnerCountry'>, at: Date): Promise<void> {
    const partner = await this.records.find(scope, 'partner', relationship.partnerId);
    const survivorId = partner?.removed ? partner.mergedInto : null;
    const owner = survivorId ? await this.records.find(scope, 'partner', survivorId) : partner;
    await this.records.applyRelationship(
      scope,
      {
        relationshipId: relationship.relationshipId,
        partnerId: survivorId ?? relationship.partnerId,
        partnerName: owner?.name ?? relationship.partnerName,
        type: relationship.type,
        status: relationship.status,
        since: relationship.since,
        until: relationship.until,
      },
      at,
    );
  }

  async relationshipStatusChanged(scope: TenantScope, relationshipId: string, status: RelationshipStatus, until: string | null, at: Date): Promise<void> {
    await this.records.applyRelationshipStatus(scope, relationshipId, status, until, at);
  }

  /** An internal asset's name never leaves the registry, so planning holds it without one. */
  async assetState(scope: TenantScope, asset: AssetStateV1Payload, at: Date): Promise<void> {
    await this.records.applyAsset(scope, asset.assetId, asset.confidentiality === 'internal' ? null : asset.name, at);
  }

  async assetRemoved(scope: TenantScope, assetId: string, at: Date): Promise<void> {
    await this.records.markAssetRemoved(scope, assetId, at);
  }
}
