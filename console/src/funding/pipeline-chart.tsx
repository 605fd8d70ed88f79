import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../format';
import { RecordTable } from '../registry/record-table';
import { useSession } from '../session';
import type { StageTotal } from './pipeline-stages';

/** Requested against awarded per stage, as bars in the jurisdiction's currency; the same numbers follow as a table (visually hidden) for those who do not see the chart. */
export default function PipelineChart({ totals, foreign }: { totals: readonly StageTotal[]; foreign: number }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const money = (value: number) => formatMoney(value, jurisdiction);
  const empty = totals.every((total) => total.requested === 0 && total.awarded === 0);
  const rows = totals.map((total) => ({ stage: t(`fundingWork.stages.${total.stage}`), requested: total.requested, awarded: total.awarded }));
  return (
    <figure style={{ margin: 0 }} aria-labelledby="pipeline-chart-caption" data-testid="pipeline-chart">
      <Text component="figcaption" id="pipeline-chart-caption" size="sm" mb="xs">
        {t('fundingWork.pipeline.chartHint', { currency: jurisdiction.currency })}
        {foreign > 0 && ` ${t('fundingWork.pipeline.chartForeign', { count: foreign })}`}
      </Text>
      {empty ? (
        <Text>{t('fundingWork.pipeline.chartEmpty', { currency: jurisdiction.currency })}</Text>
      ) : (
      <BarChart
        h={240}
        data={rows}
        dataKey="stage"
        withLegend
        series={[
          { name: 'requested', label: t('fundingWork.pipeline.columns.requested'), color: 'indigo.6' },
          { name: 'awarded', label: t('fundingWork.pipeline.columns.awarded'), color: 'teal.8' },
        ]}
        valueFormatter={money}
        yAxisProps={{ width: 110 }}
        tickLine="y"
      />
      )}
      <VisuallyHidden>
        <RecordTable columns={[{ label: t('fundingWork.pipeline.columns.stage') }, { label: t('fundingWork.pipeline.columns.count'), numeric: true }, { label: t('fundingWork.pipeline.columns.requested'), numeric: true }, { label: t('fundingWork.pipeline.columns.awarded'), numeric: true }]}>
          {totals.map((total) => (
            <Table.Tr key={total.stage} data-testid={`stage-total-${total.stage}`}>
              <Table.Td>{t(`fundingWork.stages.${total.stage}`)}</Table.Td>
              <Table.Td ta="right">{total.count}</Table.Td>
              <Table.Td ta="right">{money(total.requested)}</Table.Td>
              <Table.Td ta="right">{money(total.awarded)}</Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      </VisuallyHidden>
    </figure>
  );
}
