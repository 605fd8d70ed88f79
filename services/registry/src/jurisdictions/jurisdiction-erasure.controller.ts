import { Controller, Inject } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { Connection } from 'mongoose';
import { type EnvelopeOf, JurisdictionOffboardedV1 } from '@entente/contracts';
import { OnEvent } from '@entente/messaging';
import { eraseTenantData, scopeOfEvent } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { JsonLogger } from '@entente/telemetry';
import { USER_DIRECTORY, type UserDirectory } from './users/user-directory.port';

/**
 * The registry obeys registry.jurisdiction.offboarded like every service: it
 * deletes every record of the jurisdiction (its own jurisdiction record last
 * of all, with the rest) and the jurisdiction's users from the realm. Both
 * steps are repeatable, so a redelivery after a crash finishes the job.
 */
@Controller()
export class JurisdictionErasureController {
  private readonly logger = new JsonLogger('registry');

  constructor(
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
  ) {}

  @OnEvent(JurisdictionOffboardedV1)
  async onOffboarded(@Payload() event: EnvelopeOf<typeof JurisdictionOffboardedV1>): Promise<void> {
    const scope = scopeOfEvent(event);
    const { jurisdictionId } = scope;
    for (const user of await this.directory.listByJurisdiction(jurisdictionId)) await this.directory.remove(user.userId);
    const deleted = await eraseTenantData(this.connection, scope);
    this.logger.log(`erased jurisdiction ${jurisdictionId}: ${JSON.stringify(deleted)}`);
  }
}
