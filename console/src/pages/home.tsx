import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Busy } from '../app';
import { currentPlanYear, formatNumber } from '../format';
import { graphql } from '../gql';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { QueryError } from '../query-error';
import { planStatusColor } from '../colors';

const HomeQuery = graphql(`
  query Home {
    plans {
      year
      version
      status
    }
    priorityCap {
      active
      soft
    }
    partners(first: 1) {
      totalCount
    }
  }
`);

export function HomePage() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [{ data, error }] = useQuery({ query: HomeQuery });
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const thisYear = currentPlanYear(jurisdiction.fiscalYearStart, new Date());
  const planTile = (year: number, label: string) => {
    const plan = data.plans.find((p) => p.year === year);
    return (
      <Paper withBorder p="md" radius="md" key={year} component="section" aria-label={label}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        {plan ? (
          <Stack gap={4} mt={4}>
            <Group gap="xs">
              <Badge size="lg" color={planStatusColor(plan.status)} variant="outline">
                {t(`enums.PlanStatus.${plan.status}`)}
              </Badge>
              <Text size="sm">{t('home.version', { version: plan.version })}</Text>
            </Group>
            <Anchor component={Link} to={`/planning/plan/${year}`} size="sm">
              {t('home.openPlan')}
            </Anchor>
          </Stack>
        ) : (
          <Text mt={4}>{t('home.noPlan')}</Text>
        )}
      </Paper>
    );
  };
  return (
    <>
      <PageTitle>{t('home.title', { name: jurisdiction.name })}</PageTitle>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        {planTile(thisYear, t('home.thisYear', { year: thisYear }))}
        {planTile(thisYear + 1, t('home.nextYear', { year: thisYear + 1 }))}
        <CountTile label={t('home.activePriorities')} value={formatNumber(data.priorityCap.active, jurisdiction)} testId="active-priorities" note={t('home.ofCap', { soft: data.priorityCap.soft })} />
        <CountTile label={t('home.partners')} value={formatNumber(data.partners.totalCount, jurisdiction)} testId="partners-count" />
      </SimpleGrid>
    </>
  );
}

function CountTile({ label, value, testId, note }: { label: string; value: string; testId: string; note?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      {note && <Text size="sm">{note}</Text>}
    </Paper>
  );
}
