import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Busy } from '../busy';
import { currentPlanYear, formatDate, formatNumber } from '../format';
import { graphql } from '../gql';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { QueryError } from '../query-error';
import { planStatusColor, WARNING_TEXT } from '../colors';

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
    tableOneSummary {
      category
      count
    }
    dormantRelationships(first: 5) {
      totalCount
      nodes {
        id
        partnerName
        lastEngagementAt
      }
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
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
        <Paper withBorder p="md" radius="md" component="section" aria-label={t('glance.tableOne')} data-testid="glance-table-one">
          <Text size="sm" c="dimmed">
            {t('glance.tableOne')}
          </Text>
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {data.tableOneSummary.map((row) => (
                <Table.Tr key={row.category}>
                  <Table.Th scope="row" fw={400}>
                    {t(`enums.AssetCategory.${row.category}`)}
                  </Table.Th>
                  <Table.Td ta="right" fw={700} data-testid={`glance-${row.category}`}>
                    {formatNumber(row.count, jurisdiction)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Anchor component={Link} to="/registry/assets" size="sm">
            {t('glance.openInventory')}
          </Anchor>
        </Paper>
        <Paper withBorder p="md" radius="md" component="section" aria-label={t('glance.dormant')} data-testid="glance-dormant">
          <Text size="sm" c="dimmed">
            {t('glance.dormant')}
          </Text>
          <Text size="xl" fw={700} data-testid="dormant-count">
            {formatNumber(data.dormantRelationships.totalCount, jurisdiction)}
          </Text>
          {data.dormantRelationships.totalCount === 0 ? (
            <Text size="sm">{t('glance.noDormant')}</Text>
          ) : (
            <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.dormantRelationships.nodes.map((tie) => (
                <Group key={tie.id} component="li" gap="xs">
                  <Anchor component={Link} to={`/registry/relationships/${tie.id}`} size="sm">
                    {tie.partnerName}
                  </Anchor>
                  <Text size="sm" c={WARNING_TEXT}>
                    {tie.lastEngagementAt ? t('glance.lastEngagement', { date: formatDate(tie.lastEngagementAt, jurisdiction) }) : t('glance.neverEngaged')}
                  </Text>
                </Group>
              ))}
              {data.dormantRelationships.totalCount > data.dormantRelationships.nodes.length && (
                <Text component="li" size="sm">
                  {t('glance.more', { count: data.dormantRelationships.totalCount - data.dormantRelationships.nodes.length })}
                </Text>
              )}
            </Stack>
          )}
          <Anchor component={Link} to="/registry/relationships" size="sm" mt="xs" display="block">
            {t('glance.openRelationships')}
          </Anchor>
        </Paper>
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
