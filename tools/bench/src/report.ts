/**
 * What `npm run bench` reports: each metric against its goal. Goals are upper
 * bounds (time, memory), so the ratio is value / goal and below 1 passes.
 * Informational metrics carry no goal and neither pass nor miss.
 */
export interface Metric {
  name: string;
  value: number;
  unit: string;
  goal?: number;
}

export interface ScoredMetric extends Metric {
  ratio: number | null;
  verdict: 'PASS' | 'MISS' | 'info';
}

export interface BenchmarkResult {
  name: string;
  /** What was measured and how, in a sentence or two (printed under the title). */
  notes: string[];
  metrics: ScoredMetric[];
}

export function score(metric: Metric): ScoredMetric {
  if (metric.goal === undefined) return { ...metric, ratio: null, verdict: 'info' };
  const ratio = metric.value / metric.goal;
  return { ...metric, ratio, verdict: ratio <= 1 ? 'PASS' : 'MISS' };
}

export function misses(results: readonly BenchmarkResult[]): ScoredMetric[] {
  return results.flatMap((result) => result.metrics.filter((metric) => metric.verdict === 'MISS'));
}

/** A figure with as many decimals as its size deserves: 0.73, 7.3, 73, 730. */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs >= 100) return Math.round(value).toLocaleString('en-GB');
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** One fixed-width table per benchmark: metric, value, goal, ratio, verdict. */
export function formatTable(result: BenchmarkResult): string {
  const header = ['metric', 'value', 'goal', 'ratio', ''];
  const rows = result.metrics.map((m) => [
    m.name,
    `${formatNumber(m.value)} ${m.unit}`,
    m.goal === undefined ? '' : `< ${formatNumber(m.goal)} ${m.unit}`,
    m.ratio === null ? '' : m.ratio.toFixed(2),
    m.verdict === 'info' ? '' : m.verdict,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 || i === 4 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [
    result.name,
    ...result.notes.map((note) => `  ${note}`),
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
