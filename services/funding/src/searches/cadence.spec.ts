import { isTimeZone, nextDigestAt, zonedInstant } from './cadence';

describe('digest times in the searcher’s time zone', () => {
  it('is the next 08:00 in Berlin, today when it is still ahead and tomorrow once it passed', () => {
    const daily = { kind: 'daily' as const, hour: 8, weekday: null, timeZone: 'Europe/Berlin' };
    expect(nextDigestAt(daily, new Date('2026-12-02T05:00:00Z'))?.toISOString()).toBe('2026-12-02T07:00:00.000Z');
    expect(nextDigestAt(daily, new Date('2026-12-02T07:00:00Z'))?.toISOString()).toBe('2026-12-03T07:00:00.000Z');
  });

  it('follows summer time: 08:00 in Berlin is 06:00 UTC in July', () => {
    expect(nextDigestAt({ kind: 'daily', hour: 8, weekday: null, timeZone: 'Europe/Berlin' }, new Date('2027-07-01T10:00:00Z'))?.toISOString()).toBe('2027-07-02T06:00:00.000Z');
  });

  it('crosses the date line: 07:00 in Auckland is the previous day in UTC', () => {
    expect(nextDigestAt({ kind: 'daily', hour: 7, weekday: null, timeZone: 'Pacific/Auckland' }, new Date('2026-12-02T12:00:00Z'))?.toISOString()).toBe('2026-12-02T18:00:00.000Z');
  });

  it('is weekly on the weekday named, in the zone (Monday 09:00 in New York)', () => {
    // 2026-12-02 is a Wednesday.
    const at = nextDigestAt({ kind: 'weekly', hour: 9, weekday: 1, timeZone: 'America/New_York' }, new Date('2026-12-02T12:00:00Z'));
    expect(at?.toISOString()).toBe('2026-12-07T14:00:00.000Z');
  });

  it('reads an hour the clocks skip as just after the jump, and one they repeat as the first', () => {
    // Berlin, 28 March 2027: 02:00 → 03:00; 31 October 2027: 03:00 → 02:00.
    expect(zonedInstant(2027, 3, 28, 2, 'Europe/Berlin').toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(zonedInstant(2027, 10, 31, 2, 'Europe/Berlin').toISOString()).toBe('2027-10-31T00:00:00.000Z');
  });

  it('has no digest for an instant search, and knows a zone from a made-up one', () => {
    expect(nextDigestAt({ kind: 'instant', hour: 8, weekday: null, timeZone: 'UTC' }, new Date())).toBeNull();
    expect(isTimeZone('Europe/Rostock')).toBe(false);
    expect(isTimeZone('Pacific/Auckland')).toBe(true);
  });
});
