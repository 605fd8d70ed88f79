import { Args, Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, READER_ROLES, Roles } from '@entente/auth';
import { graphqlEnum } from '@entente/service-runtime';
import { progressReportCsv } from './report-csv';
import { progressReportHtml } from './report-html';
import { REPORT_LANGUAGES, type ReportLanguage } from './report-labels';
import { REPORTING_CADENCES, type ReportingCadence } from './reporting-periods';
import { ReportsService } from './reports.service';

const REPORT_FORMATS = ['csv', 'html', 'json'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];
const ReportFormatValue = graphqlEnum('ReportFormat', REPORT_FORMATS, 'CSV for a spreadsheet, a self-contained HTML page a council can read and print, or the report as JSON');
const ReportLanguageValue = graphqlEnum('ReportLanguage', REPORT_LANGUAGES, 'Language of the HTML report');
const ReportingCadenceValue = graphqlEnum('ReportingCadence', REPORTING_CADENCES, 'How often progress is reported within the plan year');

@ObjectType({ description: 'A reporting period of a plan year' })
class ReportingPeriodView {
  @Field({ description: 'e.g. 2027-Q1 (numbered within the plan year)' }) key!: string;
  @Field() label!: string;
  @Field() start!: string;
  @Field() end!: string;
}

@ObjectType({ description: 'A progress report as a file to save or open' })
class PlanReportFile {
  @Field() filename!: string;
  @Field() contentType!: string;
  @Field() content!: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = { csv: 'text/csv; charset=utf-8', html: 'text/html; charset=utf-8', json: 'application/json' };

@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: ReportsService) {}

  @Query(() => [ReportingPeriodView], { description: 'The reporting periods of a plan year (quarterly unless asked otherwise)' })
  @Roles(...READER_ROLES)
  reportingPeriods(
    @CurrentIdentity() identity: Identity,
    @Args('year', { type: () => Int }) year: number,
    @Args('cadence', { type: () => ReportingCadenceValue, nullable: true }) cadence?: ReportingCadence | null,
  ): Promise<ReportingPeriodView[]> {
    return this.reports.periods(identity, year, cadence ?? undefined);
  }

  @Query(() => PlanReportFile, { description: 'The progress report of a plan year, or of one period of it, as CSV, HTML or JSON' })
  @Roles(...READER_ROLES)
  async planReport(
    @CurrentIdentity() identity: Identity,
    @Args('year', { type: () => Int }) year: number,
    @Args('format', { type: () => ReportFormatValue }) format: ReportFormat,
    @Args('period', { type: () => String, nullable: true, description: 'A key from reportingPeriods; default the whole year' }) period?: string | null,
    @Args('language', { type: () => ReportLanguageValue, nullable: true }) language?: ReportLanguage | null,
  ): Promise<PlanReportFile> {
    const report = await this.reports.report(identity, year, period ?? null);
    const content = format === 'csv' ? progressReportCsv(report) : format === 'html' ? progressReportHtml(report, { lang: language ?? 'en' }) : JSON.stringify(report);
    return { filename: `plan-${year}${period ? `-${period}` : ''}-report.${format}`, contentType: CONTENT_TYPES[format], content };
  }
}
