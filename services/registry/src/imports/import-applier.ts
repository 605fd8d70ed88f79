import { Injectable } from '@nestjs/common';
import { createEvent, PartnerRegisteredV2 } from '@entente/contracts';
import type { Identity } from '@entente/auth';
import type { TenantScope } from '@entente/persistence';
import { AssetRepository } from '../assets/asset.repository';
import { AssetService } from '../assets/asset.service';
import { OutboxKicker } from '../outbox/outbox-kicker';
import { PartnerRepository } from '../partners/partner.repository';
import { parsePartner } from '../partners/partner.rules';
import type { PartnerRecord } from '../partners/partner.schema';
import { partnerPublicState } from '../partners/partner.service';
import { RelationshipRepository } from '../relationships/relationship.repository';
import { RelationshipService } from '../relationships/relationship.service';
import type { ImportStep, PartnerStep } from './import-step';

const DUPLICATE_KEY = 11000;

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}

/**
 * The applying phase of a job, one step at a time, through the same rules,
 * repositories and events as a person's own writes. Each step creates its
 * record under the step's deterministic id; when that id already exists (the
 * job ran this step before a restart) the step is done and nothing is made
 * twice. A duplicate key on anything but the step's own id is a real
 * conflict and propagates.
 */
@Injectable()
export class ImportApplier {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly assets: AssetRepository,
    private readonly assetService: AssetService,
    private readonly relationships: RelationshipRepository,
    private readonly relationshipService: RelationshipService,
    private readonly outbox: OutboxKicker,
  ) {}

  async apply(actor: Identity, step: ImportStep): Promise<void> {
    try {
      await this.create(actor, step);
    } catch (error) {
      if (isDuplicateKey(error) && (await this.exists(actor, step))) return;
      throw error;
    }
  }

  private async create(actor: Identity, step: ImportStep): Promise<void> {
    switch (step.type) {
      case 'partner':
        await this.registerPartner(actor, step);
        return;
      case 'asset':
        await this.assetService.record(actor, step.asset, { assetId: step.id });
        return;
      case 'relationship':
        await this.relationshipService.establish(actor, step.relationship, { relationshipId: step.id });
        return;
    }
  }

  /**
   * As PartnerService.register, but under the step's id: register makes a
   * fresh id, which a job that may run twice cannot use.
   */
  private async registerPartner(actor: Identity, step: PartnerStep): Promise<void> {
    const content = parsePartner(step.partner);
    const now = new Date();
    const partner: PartnerRecord = {
      jurisdictionId: actor.jurisdictionId,
      partnerId: step.id,
      ...content,
      createdBy: actor.userId,
      createdAt: now,
      updatedBy: actor.userId,
      updatedAt: now,
      mergedInto: null,
      mergedFrom: [],
    };
    const event = createEvent(PartnerRegisteredV2, {
      source: 'registry',
      jurisdictionId: actor.jurisdictionId,
      aggregateId: step.id,
      payload: partnerPublicState(partner),
    });
    await this.partners.create(partner, [event], { actor, action: 'imported', at: now });
    this.outbox.kick();
  }

  private async exists(actor: Identity, step: ImportStep): Promise<boolean> {
    const scope: TenantScope = { jurisdictionId: actor.jurisdictionId };
    switch (step.type) {
      case 'partner':
        return (await this.partners.find(scope, step.id)) !== null;
      case 'asset':
        return (await this.assets.find(scope, step.id)) !== null;
      case 'relationship':
        return (await this.relationships.get(scope, step.id)) !== null;
    }
  }
}
