import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { useSession } from '../session';

/** Table 1 as bars, one per category; the table beside it carries the same numbers for those who do not see the chart. */
export default function TableOneChart({ rows }: { rows: ReadonlyArray<{ category: string; count: number }> }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  return (
    <figure style={{ margin: 0 }} aria-label={t('assets.chart')} data-testid="table-one-chart">
      <BarChart
        h={220}
        data={[...rows]}
        dataKey="category"
        orientation="vertical"
        series={[{ name: 'count', label: t('assets.columns.count'), color: 'indigo.6' }]}
        valueFormatter={(value) => formatNumber(value, jurisdiction, 0)}
        yAxisProps={{ width: 220 }}
        xAxisProps={{ allowDecimals: false }}
        tickLine="x"
      />
    </figure>
  );
}
