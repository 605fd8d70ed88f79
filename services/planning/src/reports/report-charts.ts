import { escapeHtml, shortened } from './html-text';

/**
 * Horizontal bar charts as inline SVG, small enough to write by hand: the
 * report must open offline and print as it shows, so no chart library and no
 * script. Each chart names itself (<title>, aria-labelledby) and the page
 * sets the same figures in a table beside it, so it reads without the chart.
 * Colours are fill attributes, not classes, so a printer keeps them.
 */
export interface ChartSeries {
  label: string;
  color: string;
}

export interface ChartRow {
  label: string;
  /** One value per series, in the series' order. */
  values: number[];
}

export interface ChartOptions {
  /** Unique in the page: the SVG's title and description are referenced by id. */
  id: string;
  title: string;
  series: ChartSeries[];
  rows: ChartRow[];
  format: (value: number) => string;
}

const WIDTH = 720;
const LABEL_WIDTH = 190;
const VALUE_WIDTH = 120;
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
const LEGEND_HEIGHT = 26;
const LABEL_CHARS = 28;
const FONT = 'font-family="system-ui, sans-serif" font-size="12"';

const num = (value: number): string => String(Math.round(value * 10) / 10);

function legend(series: readonly ChartSeries[]): string {
  let x = 0;
  return series
    .map((entry) => {
      const item = `<rect x="${num(x)}" y="4" width="12" height="12" fill="${escapeHtml(entry.color)}"/><text x="${num(x + 16)}" y="14.5">${escapeHtml(entry.label)}</text>`;
      x += 28 + [...entry.label].length * 7;
      return item;
    })
    .join('');
}

function frame(options: ChartOptions, height: number, body: string): string {
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  const description = options.rows.map((row) => `${row.label}: ${row.values.map((value, i) => `${options.series[i]?.label ?? ''} ${options.format(value)}`).join(', ')}`).join('; ');
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${num(height)}" width="${WIDTH}" height="${num(height)}" role="img" aria-labelledby="${titleId} ${descId}" ${FONT}>` +
    `<title id="${titleId}">${escapeHtml(options.title)}</title><desc id="${descId}">${escapeHtml(description)}</desc>` +
    `<g fill="#222">${legend(options.series)}</g>${body}</svg>`
  );
}

function scale(rows: readonly ChartRow[], total: boolean): number {
  const max = Math.max(0, ...rows.map((row) => (total ? row.values.reduce((sum, value) => sum + Math.max(0, value), 0) : Math.max(0, ...row.values))));
  return max > 0 ? PLOT_WIDTH / max : 0;
}

/** One group per row, one bar per series in it (budget by source: available, planned, actual). */
export function groupedBarChart(options: ChartOptions): string {
  const barHeight = 16;
  const barGap = 3;
  const groupGap = 14;
  const groupHeight = options.series.length * (barHeight + barGap) - barGap;
  const perUnit = scale(options.rows, false);
  let y = LEGEND_HEIGHT + 6;
  const groups = options.rows.map((row) => {
    const top = y;
    const bars = row.values.map((value, i) => {
      const barY = top + i * (barHeight + barGap);
      const length = Math.max(0, value) * perUnit;
      const color = options.series[i]?.color ?? '#888';
      return (
        `<rect x="${LABEL_WIDTH}" y="${num(barY)}" width="${num(length)}" height="${barHeight}" fill="${escapeHtml(color)}"/>` +
        `<text x="${num(LABEL_WIDTH + length + 4)}" y="${num(barY + barHeight - 4)}">${escapeHtml(options.format(value))}</text>`
      );
    });
    y += groupHeight + groupGap;
    return `<text x="${LABEL_WIDTH - 8}" y="${num(top + groupHeight / 2 + 4)}" text-anchor="end">${escapeHtml(shortened(row.label, LABEL_CHARS))}</text>${bars.join('')}`;
  });
  return frame(options, y - groupGap + 6, `<g fill="#222">${groups.join('')}</g>`);
}

/** One bar per row, its series stacked (activities per priority, by status); the row's total after the bar. */
export function stackedBarChart(options: ChartOptions): string {
  const barHeight = 20;
  const rowGap = 8;
  const perUnit = scale(options.rows, true);
  let y = LEGEND_HEIGHT + 6;
  const bars = options.rows.map((row) => {
    let x = LABEL_WIDTH;
    const segments = row.values.map((value, i) => {
      const length = Math.max(0, value) * perUnit;
      const segment = length > 0 ? `<rect x="${num(x)}" y="${num(y)}" width="${num(length)}" height="${barHeight}" fill="${escapeHtml(options.series[i]?.color ?? '#888')}"/>` : '';
      x += length;
      return segment;
    });
    const total = row.values.reduce((sum, value) => sum + value, 0);
    const line =
      `<text x="${LABEL_WIDTH - 8}" y="${num(y + barHeight - 6)}" text-anchor="end">${escapeHtml(shortened(row.label, LABEL_CHARS))}</text>${segments.join('')}` +
      `<text x="${num(x + 4)}" y="${num(y + barHeight - 6)}">${escapeHtml(options.format(total))}</text>`;
    y += barHeight + rowGap;
    return line;
  });
  return frame(options, y - rowGap + 6, `<g fill="#222">${bars.join('')}</g>`);
}
