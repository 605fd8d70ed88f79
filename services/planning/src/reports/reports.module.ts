import { Module } from '@nestjs/common';
import { JurisdictionDirectoryModule } from '@entente/service-runtime';
import { PlansModule } from '../plans/plans.module';
import { PrioritiesModule } from '../priorities/priorities.module';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

/** Progress reports of a plan year; the report itself is pure code beside this module (progress-report, report-csv, report-html). */
@Module({ imports: [JurisdictionDirectoryModule, PlansModule, PrioritiesModule], providers: [ReportsService, ReportsResolver] })
export class ReportsModule {}
