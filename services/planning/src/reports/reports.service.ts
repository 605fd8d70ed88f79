import { Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { scopeOf } from '@entente/persistence';
import { JurisdictionDirectory } from '@entente/service-runtime';
import { PriorityRepository } from '../priorities/priority.repository';
import { PlanService } from '../plans/plan.service';
import { buildProgressReport, type ProgressReport } from './progress-report';
import { periodByKey, type ReportingCadence, type ReportingPeriod, reportingPeriods } from './reporting-periods';

/**
 * Progress reports of a plan year (Maryland's subcabinet reports on a fixed
 * cadence): the version in force — what was approved — with what happened
 * so far, for one reporting period or the whole year.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly plans: PlanService,
    private readonly priorities: PriorityRepository,
    private readonly directory: JurisdictionDirectory,
  ) {}

  async periods(identity: Identity, year: number, cadence: ReportingCadence = 'quarterly'): Promise<ReportingPeriod[]> {
    const { content } = await this.plans.reportedVersion(identity, year);
    return reportingPeriods(content.periodStart, content.periodEnd, cadence);
  }

  async report(identity: Identity, year: number, periodKey: string | null, now: Date = new Date()): Promise<ProgressReport> {
    const scope = scopeOf(identity);
    const { record, content } = await this.plans.reportedVersion(identity, year);
    const period = periodKey ? periodByKey(content.periodStart, content.periodEnd, periodKey) : null;
    const referenced = [...new Set(content.activities.flatMap((a) => a.priorityIds))];
    const [active, linked, profile] = await Promise.all([this.priorities.activeOf(scope), this.priorities.byIds(scope, referenced), this.directory.find(scope)]);
    const priorities = [...new Map([...active, ...linked].map((p) => [p.priorityId, p])).values()];
    return buildProgressReport({
      jurisdictionName: profile?.name ?? identity.jurisdictionId,
      plan: { year: record.year, version: record.version, status: record.status, content, decisions: record.decisions, approvedAt: record.approvedAt, approvedBy: record.approvedBy },
      priorities: priorities.map((p) => ({
        priorityId: p.priorityId,
        title: p.title,
        status: p.status,
        kpis: p.kpis,
      })),
      period,
      generatedAt: now,
    });
  }
}
