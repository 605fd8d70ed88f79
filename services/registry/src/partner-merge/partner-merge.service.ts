import { Injectable } from '@nestjs/common';
import { PartnerMergedV1 } from '@entente/contracts';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError, ValidationError } from '@entente/errors';
import { JsonLogger } from '@entente/telemetry';
import { lastEngagementUpdates } from '../engagements/engagement.rules';
import { EngagementRepository } from '../engagements/engagement.repository';

import { RelationshipRepository } from '../relationships/relationship.repository';
import { mergePartnerContent } from './partner-merge';
import { PartnerRepository } from '../partners/partner.repository';
import type { PartnerRecord } from '../partners/partner.schema';
import { partnerPublicState } from '../partners/partner.service';
import { type Change, eventDraft, scopeOf, type TenantScope } from '@entente/persistence';

@Injectable()
export class PartnerMergeService {
  private readonly logger = new JsonLogger('registry');

  constructor(
    private readonly partners: PartnerRepository,
    private readonly relationships: RelationshipRepository,
    private readonly engagements: EngagementRepository,
  ) {}

  /**
   * Merges `duplicateId` into `survivorId`: the survivor keeps its fields and
   * fills its blanks from the duplicate, relationships and engagements move to
   * the survivor, the duplicate is deleted and registry.partner.merged v1 says
   * so. Without transactions, the writes come in an order that a crash
   * anywhere leaves re-runnable — calling merge again with the same ids
   * finishes the job and changes nothing twice:
   *
   * 1. The duplicate is frozen (`mergedInto`): from then on it is gone for
   *    every read and write but this merge, so nothing new can point at it.
   * 2. The survivor takes the duplicate's content, remembers it in
   *    `mergedFrom` and gets the merged event, in one single-document write.
   *    Nothing has moved yet, so the event's lists of what moves are complete;
   *    `mergedFrom` makes a re-run skip this step (one event per merge).
   * 3. Relationships, then engagements, move one by one, each only while it
   *    still points at the duplicate (a re-run moves what is left).
   * 4. The duplicate is deleted once its own outbox is empty; until then it
   *    stays frozen and invisible, and a re-run deletes it.
   * A re-run after the duplicate is gone answers the survivor.
   */
  async merge(identity: Identity, survivorId: string, duplicateId: string): Promise<PartnerRecord> {
    if (survivorId === duplicateId) throw ValidationError.forField('duplicateId', 'must be another partner than survivorId');
    const scope = scopeOf(identity);
    const survivor = await this.partners.find(scope, survivorId);
    if (!survivor) throw new NotFoundError('Partner', survivorId);
    const duplicate = await this.partners.findForMerge(scope, duplicateId);
    if (!duplicate) {
      if ((survivor.mergedFrom ?? []).includes(duplicateId)) return survivor;
      throw new NotFoundError('Partner', duplicateId);
    }
    if (duplicate.mergedInto && duplicate.mergedInto !== survivorId) {
      throw new ConflictError(`partner ${duplicateId} is being merged into ${duplicate.mergedInto}; run that merge again to finish it`);
    }
    const change = (action: string): Change => ({ actor: identity, action, at: new Date() });

    if (!duplicate.mergedInto && !(await this.partners.freezeForMerge(scope, duplicate, survivorId, change(`merging into ${survivorId}`)))) {
      throw new ConflictError(`partner ${duplicateId} changed meanwhile; try the merge again`);
    }

    const [relationships, engagements] = await Promise.all([
      this.relationships.withPartners(scope, [duplicateId]),
      this.engagements.withAnyPartner(scope, [duplicateId]),
    ]);
    let current: PartnerRecord = survivor;
    if (!(survivor.mergedFrom ?? []).includes(duplicateId)) {
      const { set, filledFields } = mergePartnerContent(survivor, duplicate);
      const event = eventDraft(PartnerMergedV1, {
        aggregateId: survivorId,
        payload: {
          survivor: partnerPublicState({ ...survivor, ...set }),
          mergedPartnerId: duplicateId,
          filledFields,
          movedRelationshipIds: relationships.map((r) => r.relationshipId),
          movedEngagementIds: engagements.map((e) => e.engagementId),
        },
      });
      const absorbed = await this.partners.update(scope, survivor, { ...set, mergedFrom: [...(survivor.mergedFrom ?? []), duplicateId] }, [event], change(`merged ${duplicateId}`));
      if (!absorbed) throw new ConflictError(`partner ${survivorId} changed meanwhile; try the merge again (it is safe to repeat)`);
      current = absorbed;
    }

    const target = { partnerId: survivorId, name: current.name, country: current.country ?? null };
    for (const relationship of relationships) await this.relationships.movePartner(scope, relationship, target, change(`partner ${duplicateId} merged into ${survivorId}`));
    for (const engagement of engagements) await this.engagements.movePartner(scope, engagement, duplicateId, survivorId, change(`partner ${duplicateId} merged into ${survivorId}`));
    await this.advanceLastEngagements(scope, survivorId, engagements);

    if (!(await this.partners.deleteMerged(scope, duplicateId, survivorId))) {
      this.logger.warn('merged partner kept frozen until its pending events are published; merging again deletes it', { partnerId: duplicateId, survivorId });
    }
    return current;
  }

  /** The duplicate's engagements now count for the survivor's relationships too: their last engagement only moves forward. */
  private async advanceLastEngagements(scope: TenantScope, survivorId: string, engagements: ReadonlyArray<{ date: string }>): Promise<void> {
    if (engagements.length === 0) return;
    const latest = engagements.reduce((max, e) => (e.date > max ? e.date : max), engagements[0].date);
    const related = await this.relationships.withPartners(scope, [survivorId]);
    const updates = lastEngagementUpdates(
      { date: latest, partnerIds: [survivorId] },
      related.map((r) => ({ id: r.relationshipId, partnerId: r.partnerId, lastEngagementAt: r.lastEngagementAt })),
    );
    const now = new Date();
    for (const update of updates) await this.relationships.advanceLastEngagement(scope, update.relationshipId, update.lastEngagementAt, now);
  }
}
