import { Badge, Group, Paper, Progress, RingProgress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Busy } from '../busy';
import { formatMoney, formatNumber, usedPercent } from '../format';
import { FITS, OVER, WARNING_TEXT } from '../colors';
import { useSession } from '../session';
import type { CapacityCheck } from './capacity-charts';

// recharts is the largest library of the console: it loads with the chart, after the gauge is on screen.
const CapacityCharts = lazy(() => import('./capacity-charts'));

/** The gauge says at a glance whether the plan fits (green) or not (red) and by how much; the charts say where. */
export function CapacityPanel({ check }: { check: CapacityCheck }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const { totals } = check;
  const budget = usedPercent(totals.planned.total, totals.available.total);
  const staff = usedPercent(totals.staffDaysPlanned, totals.staffDaysAvailable);
  const color = check.fits ? FITS : OVER;
  const overages = check.overages.map((overage) =>
    t('plan.overBy', {
      source: t(`plan.sources.${overage.source as 'own'}`, { defaultValue: overage.source }),
      amount: overage.source === 'staff-days' ? formatNumber(overage.by, jurisdiction) : formatMoney(overage.by, jurisdiction),
    }),
  );
  const verdict = check.fits ? t('plan.fits') : t('plan.over', { what: overages.join(', ') });
  const budgetText = t('plan.budget', { planned: formatMoney(totals.planned.total, jurisdiction), available: formatMoney(totals.available.total, jurisdiction) });
  const staffText = t('plan.staffDays', { planned: formatNumber(totals.staffDaysPlanned, jurisdiction), available: formatNumber(totals.staffDaysAvailable, jurisdiction) });
  return (
    <section aria-labelledby="capacity-heading">
      <Title order={2} size="h4" id="capacity-heading" mb="xs">
        {t('plan.capacity')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md" data-testid="capacity-gauge" data-state={check.fits ? 'fits' : 'over'}>
          <Group wrap="nowrap" align="center">
            <div role="img" aria-label={`${t('plan.gauge')}: ${verdict}`}>
              <RingProgress
                size={132}
                thickness={14}
                roundCaps
                sections={[{ value: Math.max(budget, staff), color }]}
                label={
                  <Text ta="center" fw={700} size="lg" c={color} aria-hidden>
                    {check.fits ? '✓' : '!'}
                  </Text>
                }
              />
            </div>
            <Stack gap="xs" style={{ flex: 1 }}>
              <Badge color={color} size="lg" variant="filled" data-testid="capacity-verdict">
                {check.fits ? t('plan.fits') : t('plan.over', { what: '' }).replace(/:\s*$/, '')}
              </Badge>
              {!check.fits && (
                <Text size="sm" c={OVER} fw={600}>
                  {overages.join(' · ')}
                </Text>
              )}
              <Text size="sm">{budgetText}</Text>
              <Progress value={budget} color={totals.planned.total > totals.available.total ? OVER : FITS} aria-label={budgetText} />
              <Text size="sm">{staffText}</Text>
              <Progress value={staff} color={totals.staffDaysPlanned > totals.staffDaysAvailable ? OVER : FITS} aria-label={staffText} />
            </Stack>
          </Group>
          {check.warnings.map((warning) => (
            <Text key={warning} size="sm" c={WARNING_TEXT} mt="xs">
              {warning}
            </Text>
          ))}
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Suspense fallback={<Busy />}>
            <CapacityCharts check={check} />
          </Suspense>
        </Paper>
      </SimpleGrid>
    </section>
  );
}
