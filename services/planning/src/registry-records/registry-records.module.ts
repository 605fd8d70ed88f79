import { Module } from '@nestjs/common';
import { RegistryEventsController } from './registry-events.controller';
import { RegistryRecordRepository } from './registry-record.repository';
import { RegistryRecords } from './registry-records';
import { RegistryRecordsProjection } from './registry-records.projection';

/** Planning's read model of the registry's partners, relationships and assets; others ask it through RegistryRecords. */
@Module({
  controllers: [RegistryEventsController],
  providers: [RegistryRecordRepository, RegistryRecordsProjection, RegistryRecords],
  exports: [RegistryRecords],
})
export class RegistryRecordsModule {}
