/**
 * A record's change history: who changed what, when. Entries are kept inside
 * the record's own document and appended in the same single-document write as
 * the change (OutboxRepository), so a change is never stored without its
 * entry, nor an entry without its change. They never leave the registry (no
 * event carries them): values of internal assets stay in the jurisdiction.
 */

/** A stored value: plain JSON (text, numbers, lists, small objects) or null. */
export type HistoryValue = null | boolean | number | string | HistoryValue[] | { [key: string]: HistoryValue };

export interface FieldChange {
  field: string;
  from: HistoryValue;
  to: HistoryValue;
}

export interface HistoryEntry {
  at: Date;
  /** The Keycloak user id of whoever made the change. */
  by: string;
  /** Their username at the time, so the history reads without a user lookup. */
  byName: string;
  /** What happened, e.g. created, updated, status-changed, merged, removed. */
  action: string;
  changes: FieldChange[];
  /** Internal: the id of an asset write that keeps the Table 1 tallies (never shown). */
  writeId?: string;
}

export interface Actor {
  userId: string;
  username: string;
}

/** Plain JSON for storage and comparison: Dates as ISO strings, undefined as null, object keys sorted. */
export function toHistoryValue(value: unknown): HistoryValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toHistoryValue);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== '_id')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, toHistoryValue(inner)]));
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function isEmpty(value: HistoryValue): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}

/**
 * The changes from `before` to `after` over the tracked `fields`, in the order
 * of `fields`. A field absent from `after` is not part of the change. With no
 * `before` (a new record) only the fields given a value are listed, from null.
 * Values are compared as plain JSON, so object key order does not count.
 */
export function diffFields<T extends object>(before: Partial<T> | null, after: Partial<T>, fields: readonly (keyof T & string)[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!(field in after) || after[field] === undefined) continue;
    const to = toHistoryValue(after[field]);
    const from = before === null ? null : toHistoryValue(before[field]);
    if (before === null && isEmpty(to)) continue;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

export function historyEntry(actor: Actor, action: string, changes: FieldChange[], at: Date = new Date()): HistoryEntry {
  return { at, by: actor.userId, byName: actor.username, action, changes };
}
