export interface CalendarEntry {
  jurisdictionId: string;
  memberName: string;
  activityId: string;
  title?: string | null;
  type?: string | null;
  country?: string | null;
  city?: string | null;
  windowStart?: string | null;
  windowEnd?: string | null;
  status?: string | null;
}

/** The calendar's entries by the month their window starts (YYYY-MM, in order, with the month's name in `language`); entries without a window last. */
export function calendarMonths<E extends CalendarEntry>(entries: readonly E[], language: string): Array<{ key: string; label: string; entries: E[] }> {
  const byMonth = new Map<string, E[]>();
  for (const entry of entries) {
    const key = entry.windowStart && /^\d{4}-\d{2}/.test(entry.windowStart) ? entry.windowStart.slice(0, 7) : 'undated';
    byMonth.set(key, [...(byMonth.get(key) ?? []), entry]);
  }
  const format = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return [...byMonth.keys()]
    .sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a.localeCompare(b)))
    .map((key) => ({
      key,
      label: key === 'undated' ? key : format.format(new Date(`${key}-01T00:00:00Z`)),
      entries: (byMonth.get(key) ?? []).slice().sort((a, b) => (a.windowStart ?? '').localeCompare(b.windowStart ?? '') || a.memberName.localeCompare(b.memberName)),
    }));
}
