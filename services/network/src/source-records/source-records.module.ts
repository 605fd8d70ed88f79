import { Module } from '@nestjs/common';
import { TiesModule } from '../ties/ties.module';
import { SourceEventsController } from './source-events.controller';
import { SourceRecordListeners } from './source-record-listeners';
import { SourceRecordRepository } from './source-record.repository';
import { SourceRecordsProjection } from './source-records.projection';

@Module({
  imports: [TiesModule],
  controllers: [SourceEventsController],
  providers: [SourceRecordRepository, SourceRecordListeners, SourceRecordsProjection],
  exports: [SourceRecordRepository, SourceRecordListeners],
})
export class SourceRecordsModule {}
