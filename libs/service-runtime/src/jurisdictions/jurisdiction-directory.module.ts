import { Module } from '@nestjs/common';
import { JurisdictionDirectory } from './jurisdiction-directory';
import { JurisdictionEventsController } from './jurisdiction-events.controller';

/**
 * For every service but the registry (which owns jurisdictions): a read model
 * of the jurisdictions and the erasure an offboarding demands. Needs the
 * service's Kafka event transport (`eventTransports`) to receive the events.
 */
@Module({ controllers: [JurisdictionEventsController], providers: [JurisdictionDirectory], exports: [JurisdictionDirectory] })
export class JurisdictionDirectoryModule {}
