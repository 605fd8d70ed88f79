import { Module } from '@nestjs/common';
import { JurisdictionDirectoryModule } from '@entente/service-runtime';
import { PipelineModule } from '../pipeline/pipeline.module';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { CalendarFeedResolver } from './calendar-feed.resolver';
import { CalendarFeedService } from './calendar-feed.service';
import { DEADLINE_SOURCES, type DeadlineSource } from './deadline-source';
import { PipelineDeadlines } from './pipeline-deadlines';

/**
 * Per-user calendar feeds of deadlines. A new source of deadlines (followed
 * opportunities) is a provider added to DEADLINE_SOURCES' factory below.
 */
@Module({
  imports: [JurisdictionDirectoryModule, PipelineModule],
  controllers: [CalendarFeedController],
  providers: [
    CalendarFeedRepository,
    CalendarFeedService,
    CalendarFeedResolver,
    PipelineDeadlines,
    { provide: DEADLINE_SOURCES, inject: [PipelineDeadlines], useFactory: (...sources: DeadlineSource[]): DeadlineSource[] => sources },
  ],
})
export class CalendarModule {}
