import { Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { isDuplicateKeyError, scopeOf } from '@entente/persistence';
import { AssetRepository } from '../assets/asset.repository';
import { AssetService } from '../assets/asset.service';
import { PartnerRepository } from '../partners/partner.repository';
import { PartnerService } from '../partners/partner.service';
import { RelationshipRepository } from '../relationships/relationship.repository';
import { RelationshipService } from '../relationships/relationship.service';
import type { ImportStep } from './import-step';

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
    private readonly partnerService: PartnerService,
    private readonly assets: AssetRepository,
    private readonly assetService: AssetService,
    private readonly relationships: RelationshipRepository,
    private readonly relationshipService: RelationshipService,
  ) {}

  async apply(actor: Identity, step: ImportStep): Promise<void> {
    try {
      await this.create(actor, step);
    } catch (error) {
      if (isDuplicateKeyError(error) && (await this.exists(actor, step))) return;
      throw error;
    }
  }

  private async create(actor: Identity, step: ImportStep): Promise<void> {
    switch (step.type) {
      case 'partner':
        await this.partnerService.register(actor, step.partner, { partnerId: step.id, action: 'imported' });
        return;
      case 'asset':
        await this.assetService.record(actor, step.asset, { assetId: step.id });
        return;
      case 'relationship':
        await this.relationshipService.establish(actor, step.relationship, { relationshipId: step.id });
        return;
    }
  }

  private async exists(actor: Identity, step: ImportStep): Promise<boolean> {
    const scope = scopeOf(actor);
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
