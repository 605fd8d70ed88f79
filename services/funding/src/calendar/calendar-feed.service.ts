import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Identity } from '@entente/auth';
import { ConflictError, isDuplicateKeyError } from '@entente/errors';
import { scopeOf } from '@entente/persistence';
import { JurisdictionDirectory } from '@entente/service-runtime';
import { CalendarFeedRepository } from './calendar-feed.repository';
import type { CalendarFeedRecord } from './calendar-feed.schema';
import { DEADLINE_SOURCES, type DeadlineSource } from './deadline-source';
import { renderCalendar } from './ics';

/** Where the funding service serves feeds; the console server or a gateway route exposes the same path. */
export const CALENDAR_PATH = '/calendar';
/** 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface CalendarFeedSecret {
  /** Shown once: only its hash is kept. */
  token: string;
  path: string;
  createdAt: Date;
  rotatedAt: Date;
}

export function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function feedPath(token: string): string {
  return `${CALENDAR_PATH}/${token}.ics`;
}

/**
 * Each user's calendar of deadlines behind a secret URL: the pipeline's open
 * applications (and whatever other deadline sources are listed). Creating,
 * rotating and revoking need the signed-in user; fetching needs only the
 * secret, which a calendar app keeps.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly feeds: CalendarFeedRepository,
    private readonly directory: JurisdictionDirectory,
    @Inject(DEADLINE_SOURCES) private readonly sources: DeadlineSource[],
  ) {}

  status(identity: Identity): Promise<CalendarFeedRecord | null> {
    return this.feeds.ofUser(scopeOf(identity), identity.userId);
  }

  async create(identity: Identity): Promise<CalendarFeedSecret> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    try {
      await this.feeds.create({ jurisdictionId: identity.jurisdictionId, userId: identity.userId, username: identity.username, tokenHash: hashOf(token), createdAt: now, rotatedAt: now, lastFetchedAt: null });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError('you already have a calendar link; rotate it for a new one (the old link stops working) or revoke it');
      throw error;
    }
    return { token, path: feedPath(token), createdAt: now, rotatedAt: now };
  }

  /** A new secret (the old link stops working); makes the link when the user has none. */
  async rotate(identity: Identity): Promise<CalendarFeedSecret> {
    const token = randomBytes(32).toString('base64url');
    const rotated = await this.feeds.rotate(scopeOf(identity), { userId: identity.userId, username: identity.username }, hashOf(token), new Date());
    return { token, path: feedPath(token), createdAt: rotated.createdAt, rotatedAt: rotated.rotatedAt };
  }

  revoke(identity: Identity): Promise<boolean> {
    return this.feeds.revoke(scopeOf(identity), identity.userId);
  }

  /** The feed a secret opens, as iCalendar text; null for an unknown, revoked or malformed secret, or a jurisdiction not active. */
  async render(token: string, now = new Date()): Promise<string | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const found = await this.feeds.bySecretAcrossJurisdictions(hashOf(token));
    if (!found) return null;
    const profile = await this.directory.find(found.scope);
    if (profile && profile.status !== 'active' && profile.status !== 'onboarding') return null;
    const owner = { scope: found.scope, userId: found.record.userId };
    const events = (await Promise.all(this.sources.map((source) => source.eventsFor(owner)))).flat();
    events.sort((a, b) => startOf(a.start) - startOf(b.start) || a.uid.localeCompare(b.uid));
    await this.feeds.fetched(found.scope, found.record.userId, now);
    return renderCalendar({ name: `Funding deadlines${profile ? ` – ${profile.name}` : ''}`, events, now });
  }
}

function startOf(start: string | Date): number {
  return typeof start === 'string' ? Date.parse(`${start}T00:00:00Z`) : start.getTime();
}
