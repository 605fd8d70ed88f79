/**
 * How long something waiting for a plan (an award's funding line, a joint
 * effort's proposed activity) waits before its next try: 1 minute after the
 * first, doubling, at most an hour. A plan that is created, returned to
 * draft or given a new version takes what waited for it within the hour.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}
