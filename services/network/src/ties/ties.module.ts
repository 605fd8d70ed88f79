import { Module } from '@nestjs/common';
import { PartnerEventsController } from './partner-events.controller';
import { TieRepository } from './tie.repository';
import { TiesResolver } from './ties.resolver';
import { TiesService } from './ties.service';

@Module({ controllers: [PartnerEventsController], providers: [TieRepository, TiesService, TiesResolver] })
export class TiesModule {}
