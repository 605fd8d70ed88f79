import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber } from '../format';
import type { PlanQuery } from '../gql/graphql';
import { useSession } from '../session';

/** A plan's check against its budget and staff, as the plan page reads it. */
export type CapacityCheck = PlanQuery['planCapacity'];

const SOURCES = ['own', 'external', 'partner'] as const;

export default function CapacityCharts({ check }: { check: CapacityCheck }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const { totals } = check;
  const series = [
    { name: 'planned', label: t('plan.planned'), color: check.fits ? 'indigo.6' : 'red.7' },
    { name: 'available', label: t('plan.available'), color: 'teal.6' },
  ];
  const money = SOURCES.filter((source) => totals.planned[source] > 0 || totals.available[source] > 0).map((source) => ({
    source: t(`plan.sources.${source}`),
    planned: totals.planned[source],
    available: totals.available[source],
  }));
  const staff = [{ source: t('plan.sources.staff-days'), planned: totals.staffDaysPlanned, available: totals.staffDaysAvailable }];
  return (
    <Stack gap="md">
      <figure style={{ margin: 0 }} aria-label={t('plan.chartBudget')}>
        <Text component="figcaption" size="sm" fw={600} mb={4}>
          {t('plan.chartBudget')}
        </Text>
        <BarChart h={160} data={money} dataKey="source" series={series} withLegend valueFormatter={(value) => formatMoney(value, jurisdiction)} tickLine="y" />
      </figure>
      <figure style={{ margin: 0 }} aria-label={t('plan.chartStaff')}>
        <Text component="figcaption" size="sm" fw={600} mb={4}>
          {t('plan.chartStaff')}
        </Text>
        <BarChart h={90} data={staff} dataKey="source" series={series} orientation="vertical" valueFormatter={(value) => formatNumber(value, jurisdiction)} tickLine="x" yAxisProps={{ width: 90 }} />
      </figure>
    </Stack>
  );
}
