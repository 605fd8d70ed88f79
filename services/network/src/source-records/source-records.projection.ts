import { Injectable } from '@nestjs/common';
import type { ActivityStateV1Payload, ActivityStateV2Payload, AssetStateV1Payload, PartnerPublicState, PriorityStateV1Payload, RelationshipEstablishedV2Payload } from '@entente/contracts';
import type { TenantScope } from '@entente/persistence';
import type { ActivityData, AssetData, PartnerData, PriorityData, RelationshipData, SourceData, SourceRecordKind } from './source-record';
import { SourceRecordListeners } from './source-record-listeners';
import { SourceRecordRepository } from './source-record.repository';

/**
 * What each consumed event means for the read model. Every event carries the
 * record's whole public state, so the model replaces what it holds (when the
 * event is newer) and hands the change on to sharing. What the events leave
 * out (partner contacts and notes, an internal asset's name and figures, a
 * tie's champion and owner, which funding pays for an activity) never
 * reaches the network.
 */
@Injectable()
export class SourceRecordsProjection {
  constructor(
    private readonly records: SourceRecordRepository,
    private readonly listeners: SourceRecordListeners,
  ) {}

  partner(scope: TenantScope, partner: PartnerPublicState, at: Date): Promise<void> {
    const data: PartnerData = { name: partner.name, kind: partner.kind, country: partner.country, wikidataId: partner.wikidataId };
    return this.replace(scope, 'partner', partner.partnerId, data, at);
  }

  async partnerMerged(scope: TenantScope, survivor: PartnerPublicState, mergedPartnerId: string, at: Date): Promise<void> {
    await this.remove(scope, 'partner', mergedPartnerId, at);
    await this.partner(scope, survivor, at);
  }

  /** v1 and v2 differ only in whether the partner's country may be null. */
  relationship(scope: TenantScope, tie: RelationshipEstablishedV2Payload, at: Date): Promise<void> {
    const data: RelationshipData = {
      partnerId: tie.partnerId,
      partnerName: tie.partnerName,
      partnerCountry: tie.partnerCountry,
      type: tie.type,
      status: tie.status,
      since: tie.since,
      until: tie.until,
      leadDepartment: tie.leadDepartment,
    };
    return this.replace(scope, 'relationship', tie.relationshipId, data, at);
  }

  async relationshipStatus(scope: TenantScope, relationshipId: string, status: string, until: string | null, at: Date): Promise<void> {
    const patch = until !== null ? { status, until } : { status };
    if (await this.records.patchIfNewer(scope, 'relationship', relationshipId, patch, at)) return this.handOn(scope, 'relationship', relationshipId);
    // Not applied: either what is held is newer, or the relationship has not arrived yet (out of order); then it waits for it.
    if ((await this.records.get(scope, 'relationship', relationshipId))?.data) return;
    await this.records.holdPatch(scope, 'relationship', relationshipId, patch, at);
    await this.records.applyHeldPatch(scope, 'relationship', relationshipId);
    await this.handOn(scope, 'relationship', relationshipId);
  }

  asset(scope: TenantScope, asset: AssetStateV1Payload, at: Date): Promise<void> {
    const data: AssetData =
      asset.confidentiality === 'internal'
        ? { confidentiality: 'internal', category: asset.category, type: asset.type, countries: asset.countries, sectors: asset.sectors, name: null, description: null, magnitude: null, sourceOrganisation: null, asOf: null }
        : {
            confidentiality: asset.confidentiality,
            category: asset.category,
            type: asset.type,
            countries: asset.countries,
            sectors: asset.sectors,
            name: asset.name,
            description: asset.description,
            magnitude: asset.magnitude,
            sourceOrganisation: asset.sourceOrganisation,
            asOf: asset.asOf,
          };
    return this.replace(scope, 'asset', asset.assetId, data, at);
  }

  assetRemoved(scope: TenantScope, assetId: string, at: Date): Promise<void> {
    return this.remove(scope, 'asset', assetId, at);
  }

  priority(scope: TenantScope, priority: PriorityStateV1Payload, retired: boolean, at: Date): Promise<void> {
    const data: PriorityData = {
      title: priority.title,
      focus: priority.focus,
      goalKinds: priority.goalKinds,
      countries: priority.countries,
      sectors: priority.sectors,
      themes: priority.themes,
      sdgs: priority.sdgs,
      retired,
    };
    return this.replace(scope, 'priority', priority.priorityId, data, at);
  }

  /** v1 carries no cost (kept as unknown, null); v2 the cost of one occurrence, which only a grant that allows `cost` shares. */
  activity(scope: TenantScope, activity: ActivityStateV1Payload | ActivityStateV2Payload, at: Date): Promise<void> {
    const data: ActivityData = {
      year: activity.year,
      title: activity.title,
      type: activity.type,
      mode: activity.mode,
      frequency: activity.frequency,
      status: activity.status,
      country: activity.country,
      city: activity.city,
      windowStart: activity.windowStart,
      windowEnd: activity.windowEnd,
      cost: 'cost' in activity ? { amount: activity.cost.amount, currency: activity.cost.currency } : null,
    };
    return this.replace(scope, 'activity', activity.activityId, data, at);
  }

  private async replace(scope: TenantScope, kind: SourceRecordKind, recordId: string, data: SourceData, at: Date): Promise<void> {
    await this.records.replaceIfNewer(scope, kind, recordId, data, at);
    if (kind === 'relationship') await this.records.applyHeldPatch(scope, kind, recordId);
    // Handed on even when this event was older: what is held now is projected again, which is idempotent.
    await this.handOn(scope, kind, recordId);
  }

  private async remove(scope: TenantScope, kind: SourceRecordKind, recordId: string, at: Date): Promise<void> {
    await this.records.markRemoved(scope, kind, recordId, at);
    await this.handOn(scope, kind, recordId);
  }

  private async handOn(scope: TenantScope, kind: SourceRecordKind, recordId: string): Promise<void> {
    const current = await this.records.get(scope, kind, recordId);
    if (current) await this.listeners.changed(scope, current);
  }
}
