import { latencyStats, median, percentile } from './stats';

describe('latency statistics', () => {
  it('takes the nearest-rank percentile', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(sorted, 95)).toBe(19);
    expect(percentile(sorted, 100)).toBe(20);
    expect(percentile(sorted, 0)).toBe(1);
  });

  it('averages the middle two of an even count for the median', () => {
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([1, 2, 30])).toBe(2);
  });

  it('sorts the samples itself and leaves them as given', () => {
    const samples = [30, 10, 20];
    expect(latencyStats(samples)).toEqual({ runs: 3, median: 20, p95: 30, min: 10, max: 30 });
    expect(samples).toEqual([30, 10, 20]);
  });

  it('refuses no samples', () => {
    expect(() => latencyStats([])).toThrow(RangeError);
  });
});
