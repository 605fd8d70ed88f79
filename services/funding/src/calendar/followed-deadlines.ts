import { Injectable } from '@nestjs/common';
import { FollowRepository } from '../follows/follow.repository';
import type { FollowRecord } from '../follows/follow.schema';
import type { DeadlineSource, FeedOwner } from './deadline-source';
import type { CalendarEvent } from './ics';

const LIVE = ['forecasted', 'open'];

/** A followed opportunity's deadline, with alarms at the follow's own reminder days. */
export function followedEvent(follow: FollowRecord): CalendarEvent | null {
  if (!follow.closesAt || !LIVE.includes(follow.status)) return null;
  return {
    uid: `followed-${follow.followId}@funding.entente`,
    start: follow.closesAt,
    summary: `Closes: ${follow.title}`,
    description: `A funding call you follow (${follow.status}). Reminders ${follow.reminderDays.length > 0 ? `${follow.reminderDays.join(' and ')} days before` : 'off'}.`,
    url: null,
    alarmsDaysBefore: follow.reminderDays,
    modifiedAt: follow.updatedAt,
  };
}

/** The deadlines of the forecasted and open opportunities the feed's owner follows (theirs alone, not their colleagues'). */
@Injectable()
export class FollowedDeadlines implements DeadlineSource {
  constructor(private readonly follows: FollowRepository) {}

  async eventsFor(owner: FeedOwner): Promise<CalendarEvent[]> {
    const all = await this.follows.allOf(owner);
    return all.map(followedEvent).filter((event) => event !== null);
  }
}
