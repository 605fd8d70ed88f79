import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { Connection } from 'mongoose';
import {
  type EventEnvelope,
  JurisdictionOffboardedV1,
  type JurisdictionOffboardedV1Payload,
  JurisdictionOnboardedV1,
  type JurisdictionOnboardedV1Payload,
  JurisdictionStatusChangedV1,
  type JurisdictionStatusChangedV1Payload,
  JurisdictionUpdatedV1,
  type JurisdictionUpdatedV1Payload,
} from '@entente/contracts';
import { eraseTenantData } from '@entente/persistence';
import { JsonLogger } from '@entente/telemetry';
import { MONGO_CONNECTION } from '../bootstrap/database.module';
import { JurisdictionDirectory } from './jurisdiction-directory';

/** Keeps the jurisdiction directory current and obeys offboarding by erasing the jurisdiction's records. */
@Controller()
export class JurisdictionEventsController {
  private readonly logger = new JsonLogger('jurisdictions');

  constructor(
    private readonly directory: JurisdictionDirectory,
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
  ) {}

  @EventPattern(JurisdictionOnboardedV1.type)
  async onOnboarded(@Payload() event: EventEnvelope<JurisdictionOnboardedV1Payload>): Promise<void> {
    await this.directory.replaceProfile(event.payload);
  }

  @EventPattern(JurisdictionUpdatedV1.type)
  async onUpdated(@Payload() event: EventEnvelope<JurisdictionUpdatedV1Payload>): Promise<void> {
    const { changedFields: _changed, ...profile } = event.payload;
    await this.directory.replaceProfile(profile);
  }

  @EventPattern(JurisdictionStatusChangedV1.type)
  async onStatusChanged(@Payload() event: EventEnvelope<JurisdictionStatusChangedV1Payload>): Promise<void> {
    await this.directory.setStatus(event.payload.jurisdictionId, event.payload.to);
  }

  /** Every record of this service that belongs to the jurisdiction goes, the directory entry with them. */
  @EventPattern(JurisdictionOffboardedV1.type)
  async onOffboarded(@Payload() event: EventEnvelope<JurisdictionOffboardedV1Payload>): Promise<void> {
    const deleted = await eraseTenantData(this.connection, event.payload.jurisdictionId);
    this.logger.log(`erased jurisdiction ${event.payload.jurisdictionId}: ${JSON.stringify(deleted)}`);
  }
}
