import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { Connection } from 'mongoose';
import { type EnvelopeOf, JurisdictionOffboardedV1, JurisdictionOnboardedV1, JurisdictionStatusChangedV1, JurisdictionUpdatedV1 } from '@entente/contracts';
import { OnEvent } from '@entente/messaging';
import { eraseTenantData, scopeOfEvent } from '@entente/persistence';
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

  @OnEvent(JurisdictionOnboardedV1)
  async onOnboarded(@Payload() event: EnvelopeOf<typeof JurisdictionOnboardedV1>): Promise<void> {
    await this.directory.replaceProfile(scopeOfEvent(event), event.payload);
  }

  @OnEvent(JurisdictionUpdatedV1)
  async onUpdated(@Payload() event: EnvelopeOf<typeof JurisdictionUpdatedV1>): Promise<void> {
    const { changedFields: _changed, ...profile } = event.payload;
    await this.directory.replaceProfile(scopeOfEvent(event), profile);
  }

  @OnEvent(JurisdictionStatusChangedV1)
  async onStatusChanged(@Payload() event: EnvelopeOf<typeof JurisdictionStatusChangedV1>): Promise<void> {
    await this.directory.setStatus(scopeOfEvent(event), event.payload.to);
  }

  /** Every record of this service that belongs to the jurisdiction goes, the directory entry with them. */
  @OnEvent(JurisdictionOffboardedV1)
  async onOffboarded(@Payload() event: EnvelopeOf<typeof JurisdictionOffboardedV1>): Promise<void> {
    const deleted = await eraseTenantData(this.connection, scopeOfEvent(event));
    this.logger.log(`erased jurisdiction ${event.payload.jurisdictionId}: ${JSON.stringify(deleted)}`);
  }
}
