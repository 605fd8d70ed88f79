import type { SourceRecordKind } from '../source-records/source-record';
import type { SharedCopy } from './sharing-scopes';

/** A member's copies, as one network view holds them. */
export interface MemberCopies {
  jurisdictionId: string;
  copies: SharedCopy[];
}

/** One cell of the members × target countries heat map: how much of one member's shared data points at one country. */
export interface HeatCell {
  jurisdictionId: string;
  country: string;
  priorities: number;
  activities: number;
  partners: number;
  relationships: number;
  assets: number;
  total: number;
}

/** The countries a copy points at, from the fields it carries (a field the grant left out points nowhere). */
export function countriesOf(copy: SharedCopy): string[] {
  const f = copy.fields;
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : []);
  const one = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);
  switch (copy.kind) {
    case 'priority':
      return list(f['countries']);
    case 'asset':
      return list(f['countries']);
    case 'activity':
      return one(f['country']);
    case 'partner':
      return one(f['country']);
    case 'relationship':
      return one(f['partnerCountry']);
  }
}

const COLUMN: Record<SourceRecordKind, keyof Omit<HeatCell, 'jurisdictionId' | 'country' | 'total'>> = {
  priority: 'priorities',
  activity: 'activities',
  partner: 'partners',
  relationship: 'relationships',
  asset: 'assets',
};

/**
 * Members × target countries from shared copies only, members in the order
 * given and countries by weight. Cancelled activities count nowhere.
 */
export function heatMapOf(members: readonly MemberCopies[]): HeatCell[] {
  const cells = new Map<string, HeatCell>();
  for (const member of members) {
    for (const copy of member.copies) {
      if (copy.kind === 'activity' && copy.fields['status'] === 'cancelled') continue;
      for (const country of new Set(countriesOf(copy))) {
        const key = `${member.jurisdictionId}\u0000${country}`;
        const cell = cells.get(key) ?? { jurisdictionId: member.jurisdictionId, country, priorities: 0, activities: 0, partners: 0, relationships: 0, assets: 0, total: 0 };
        cell[COLUMN[copy.kind]] += 1;
        cell.total += 1;
        cells.set(key, cell);
      }
    }
  }
  const order = new Map(members.map((m, i) => [m.jurisdictionId, i]));
  return [...cells.values()].sort((a, b) => (order.get(a.jurisdictionId) ?? 0) - (order.get(b.jurisdictionId) ?? 0) || b.total - a.total || a.country.localeCompare(b.country));
}

/** A planned delegation or hosted visit on the network's calendar. */
export interface CalendarEntry {
  jurisdictionId: string;
  activityId: string;
  title: string | null;
  type: string | null;
  country: string | null;
  city: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  status: string | null;
}

/** Shared activities that are not cancelled, by window start (undated last). */
export function calendarOf(members: readonly MemberCopies[]): CalendarEntry[] {
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const entries: CalendarEntry[] = [];
  for (const member of members) {
    for (const copy of member.copies) {
      if (copy.kind !== 'activity' || copy.fields['status'] === 'cancelled') continue;
      const f = copy.fields;
      entries.push({
        jurisdictionId: member.jurisdictionId,
        activityId: copy.recordId,
        title: text(f['title']),
        type: text(f['type']),
        country: text(f['country']),
        city: text(f['city']),
        windowStart: text(f['windowStart']),
        windowEnd: text(f['windowEnd']),
        status: text(f['status']),
      });
    }
  }
  return entries.sort((a, b) => (a.windowStart ?? '\uffff').localeCompare(b.windowStart ?? '\uffff') || a.jurisdictionId.localeCompare(b.jurisdictionId));
}
