import { Module } from '@nestjs/common';
import { PriorityEventsController } from './priority-events.controller';
import { PriorityViewRepository } from './priority-view.repository';

/** Funding's read model of planning's priorities; matching reads it. */
@Module({ controllers: [PriorityEventsController], providers: [PriorityViewRepository], exports: [PriorityViewRepository] })
export class PrioritiesModule {}
