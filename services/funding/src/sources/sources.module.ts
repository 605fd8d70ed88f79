import { Module } from '@nestjs/common';
import { SourceRepository } from './source.repository';

/** The configured sources (their admin API is scouting's: adding or enabling one schedules a run). */
@Module({ providers: [SourceRepository], exports: [SourceRepository] })
export class SourcesModule {}
