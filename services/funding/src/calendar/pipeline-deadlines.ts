import { Injectable } from '@nestjs/common';
import { OPEN_STAGES } from '../pipeline/application-stages';
import { FundingApplicationRepository } from '../pipeline/application.repository';
import type { FundingApplicationRecord } from '../pipeline/application.schema';
import { DEFAULT_REMINDER_DAYS, type DeadlineSource, type FeedOwner } from './deadline-source';
import type { CalendarEvent } from './ics';

/** A deadline as the calendar shows it: a whole day, or the moment it falls on. */
export function deadlineStart(deadline: string): string | Date {
  return deadline.length === 10 ? deadline : new Date(deadline);
}

export function applicationEvent(application: FundingApplicationRecord): CalendarEvent | null {
  if (!application.deadline) return null;
  const requested = application.amountRequested ? `${application.amountRequested.currency} ${application.amountRequested.amount.toLocaleString('en')}` : null;
  const description = [
    `Stage: ${application.stage.replace(/-/g, ' ')}`,
    application.funder ? `Funder: ${application.funder}` : null,
    application.owner ? `Owner: ${application.owner}` : null,
    requested ? `Requested: ${requested}` : null,
  ]
    .filter((line) => line !== null)
    .join('\n');
  return {
    uid: `application-${application.applicationId}@funding.entente`,
    start: deadlineStart(application.deadline),
    summary: `Deadline: ${application.title}`,
    description,
    url: null,
    alarmsDaysBefore: DEFAULT_REMINDER_DAYS,
    modifiedAt: application.updatedAt,
  };
}

/** The deadlines of the applications of the user's jurisdiction still open (interested, preparing, submitted). */
@Injectable()
export class PipelineDeadlines implements DeadlineSource {
  constructor(private readonly applications: FundingApplicationRepository) {}

  async eventsFor(owner: FeedOwner): Promise<CalendarEvent[]> {
    const open = await this.applications.withDeadlines(owner.scope, OPEN_STAGES);
    return open.map(applicationEvent).filter((event) => event !== null);
  }
}
