import type { TenantScope } from '@entente/persistence';
import type { CalendarEvent } from './ics';

/** Whose feed is being built: the user and their jurisdiction. */
export interface FeedOwner {
  scope: TenantScope;
  userId: string;
}

/**
 * Where a feed's deadlines come from. The pipeline is one source; followed
 * opportunities (the alerts feature) are another: a source is a provider
 * listed under DEADLINE_SOURCES in CalendarModule.
 */
export interface DeadlineSource {
  eventsFor(owner: FeedOwner): Promise<CalendarEvent[]>;
}

export const DEADLINE_SOURCES = Symbol('DEADLINE_SOURCES');

/** Reminders before each deadline, in days (the default for followed opportunities, used for the pipeline too). */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [14, 3];
