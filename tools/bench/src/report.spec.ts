import { formatNumber, formatTable, misses, score } from './report';

describe('bench report', () => {
  it('passes a value at or under its goal and misses one over it', () => {
    expect(score({ name: 'import time', value: 12, unit: 's', goal: 30 })).toMatchObject({ ratio: 0.4, verdict: 'PASS' });
    expect(score({ name: 'median', value: 50, unit: 'ms', goal: 50 })).toMatchObject({ ratio: 1, verdict: 'PASS' });
    expect(score({ name: 'median', value: 75, unit: 'ms', goal: 50 })).toMatchObject({ ratio: 1.5, verdict: 'MISS' });
  });

  it('leaves a metric without a goal as information', () => {
    expect(score({ name: 'p95', value: 80, unit: 'ms' })).toMatchObject({ ratio: null, verdict: 'info' });
  });

  it('lists the misses of every benchmark', () => {
    const results = [
      { name: 'A', notes: [], metrics: [score({ name: 'a', value: 1, unit: 's', goal: 2 })] },
      { name: 'B', notes: [], metrics: [score({ name: 'b', value: 3, unit: 'ms', goal: 2 }), score({ name: 'c', value: 9, unit: 'ms' })] },
    ];
    expect(misses(results).map((m) => m.name)).toEqual(['b']);
  });

  it('prints a row per metric with its value, goal, ratio and verdict', () => {
    const table = formatTable({
      name: 'B. Views',
      notes: ['50 timed calls'],
      metrics: [score({ name: 'Table 1 summary median', value: 61.04, unit: 'ms', goal: 50 }), score({ name: 'p95', value: 7.5, unit: 'ms' })],
    });
    const lines = table.split('\n');
    expect(lines[0]).toBe('B. Views');
    expect(lines[1]).toBe('  50 timed calls');
    expect(lines.find((line) => line.startsWith('Table 1 summary median'))).toMatch(/61\.0 ms\s+< 50\.0 ms\s+1\.22\s+MISS$/);
    expect(lines.find((line) => line.startsWith('p95'))).toMatch(/7\.50 ms$/);
  });

  it('gives figures a precision that suits their size', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.734)).toBe('0.73');
    expect(formatNumber(73.44)).toBe('73.4');
    expect(formatNumber(1234.5)).toBe('1,235');
  });
});
