import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { formatAmount } from './funding-format';
import { awardOf, type Candidate } from './search-filters';

/** At most this many bars: the largest awards, so the chart stays readable. */
const BARS = 12;

/** The calls' largest awards side by side (the table below holds the same figures as text), in the currency most of them state. */
export default function AwardChart({ rows }: { rows: ReadonlyArray<Candidate & { title: string; award: { currency?: string | null } }> }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const counts = new Map<string, number>();
  for (const row of rows) if (row.award.currency && awardOf(row) !== null) counts.set(row.award.currency, (counts.get(row.award.currency) ?? 0) + 1);
  const currency = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? jurisdiction.currency;
  const data = rows
    .filter((row) => row.award.currency === currency && awardOf(row) !== null)
    .map((row) => ({ call: row.title.length > 38 ? `${row.title.slice(0, 36)}…` : row.title, award: awardOf(row) as number }))
    .sort((a, b) => b.award - a.award)
    .slice(0, BARS);
  const caption = t('fundingSearch.chart', { currency });
  if (data.length === 0) return <Text size="sm">{t('fundingSearch.chartEmpty', { currency })}</Text>;
  return (
    <figure style={{ margin: 0 }} aria-label={caption} data-testid="award-chart">
      <Text component="figcaption" size="sm" fw={600} mb={4}>
        {caption}
      </Text>
      <BarChart
        h={Math.max(90, data.length * 30 + 40)}
        data={data}
        dataKey="call"
        series={[{ name: 'award', label: t('fundingSearch.columns.award'), color: 'indigo.7' }]}
        orientation="vertical"
        valueFormatter={(value) => formatAmount(value, currency, jurisdiction.locale)}
        yAxisProps={{ width: 260 }}
        tickLine="x"
      />
    </figure>
  );
}
