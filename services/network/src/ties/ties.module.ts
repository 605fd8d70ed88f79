import { Module } from '@nestjs/common';
import { TieRepository } from './tie.repository';
import { TiesResolver } from './ties.resolver';
import { TiesService } from './ties.service';

/** Partner events reach TiesService through the source records' controller (one handler per event in a service). */
@Module({ providers: [TieRepository, TiesService, TiesResolver], exports: [TiesService] })
export class TiesModule {}
