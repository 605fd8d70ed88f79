import type { FollowedOpportunity } from './follow.model';
import type { FollowRecord } from './follow.schema';

export function toFollowedOpportunity(record: FollowRecord): Omit<FollowedOpportunity, 'opportunity'> {
  return {
    opportunityId: record.opportunityId,
    title: record.title,
    closesAt: record.closesAt,
    reminderDays: record.reminderDays,
    channels: { inApp: record.channels.inApp, email: record.channels.email, emailTo: record.channels.email ? record.ownerEmail : null },
    timeZone: record.timeZone,
    nextReminderAt: record.nextReminderAt,
    nextReminderDaysBefore: record.nextReminderDays,
    followedAt: record.createdAt,
  };
}
