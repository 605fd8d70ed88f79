import { Module } from '@nestjs/common';
import { JurisdictionDirectoryModule } from '@entente/service-runtime';
import { FollowsModule } from '../follows/follows.module';
import { PipelineModule } from '../pipeline/pipeline.module';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { CalendarFeedResolver } from './calendar-feed.resolver';
import { CalendarFeedService } from './calendar-feed.service';
import { DEADLINE_SOURCES, type DeadlineSource } from './deadline-source';
import { FollowedDeadlines } from './followed-deadlines';
import { PipelineDeadlines } from './pipeline-deadlines';

/**
 * Per-user calendar feeds of deadlines: the pipeline's and the followed
 * opportunities'. A new source of deadlines is a provider added to
 * DEADLINE_SOURCES' factory below.
 */
@Module({
  imports: [JurisdictionDirectoryModule, PipelineModule, FollowsModule],
  controllers: [CalendarFeedController],
  providers: [
    CalendarFeedRepository,
    CalendarFeedService,
    CalendarFeedResolver,
    PipelineDeadlines,
    FollowedDeadlines,
    { provide: DEADLINE_SOURCES, inject: [PipelineDeadlines, FollowedDeadlines], useFactory: (...sources: DeadlineSource[]): DeadlineSource[] => sources },
  ],
})
export class CalendarModule {}
