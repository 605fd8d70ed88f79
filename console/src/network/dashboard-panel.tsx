import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Busy } from '../busy';
import { formatDate } from '../format';
import { graphql } from '../gql';
import { QueryError } from '../query-error';
import { countryName } from '../registry/country-names';
import { Section } from '../registry/feedback';
import { RecordTable } from '../registry/record-table';
import { useSession } from '../session';
import { calendarMonths } from './calendar-months';
import { HeatMap } from './heat-map';

const DashboardQuery = graphql(`
  query NetworkDashboard($networkId: ID!) {
    networkHeatMap(networkId: $networkId) {
      jurisdictionId
      memberName
      country
      priorities
      activities
      partners
      relationships
      assets
      total
    }
    networkDelegationCalendar(networkId: $networkId) {
      jurisdictionId
      memberName
      activityId
      title
      type
      country
      city
      windowStart
      windowEnd
      status
    }
  }
`);

/** The coordinator's view across members, built only from what they shared: the heat map of members × countries and the delegation calendar. */
export function DashboardPanel({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation();
  const { jurisdiction } = useSession();
  const [{ data, error }] = useQuery({ query: DashboardQuery, variables: { networkId }, requestPolicy: 'network-only' });
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const language = i18n.resolvedLanguage ?? 'en';
  const months = calendarMonths(data.networkDelegationCalendar, language);
  // The shared copies carry planning's values as its events write them (outbound-delegation, planned); the console's labels are keyed by the API's enum names.
  const enumLabel = (group: string, value: string | null | undefined) => (value ? t(`enums.${group}.${value.toUpperCase().replace(/-/g, '_')}`, { defaultValue: value }) : t('network.none'));
  return (
    <Stack gap="md">
      <Section id="heat-heading" title={t('network.dashboard.heatTitle')} testId="dashboard-heat">
        <Text size="sm" mb="sm" id="heat-hint">
          {t('network.dashboard.heatHint')}
        </Text>
        {data.networkHeatMap.length === 0 ? <Text data-testid="heat-empty">{t('network.dashboard.heatEmpty')}</Text> : <HeatMap cells={data.networkHeatMap} />}
      </Section>
      <Section id="calendar-heading" title={t('network.dashboard.calendarTitle')} testId="delegation-calendar">
        <Text size="sm" mb="sm">
          {t('network.dashboard.calendarHint')}
        </Text>
        {months.length === 0 && <Text>{t('network.dashboard.calendarEmpty')}</Text>}
        <Stack gap="md">
          {months.map((month) => (
            <section key={month.key} aria-labelledby={`month-${month.key}`}>
              <Title order={3} size="h5" id={`month-${month.key}`} mb={4}>
                {month.key === 'undated' ? t('network.dashboard.undated') : month.label}
              </Title>
              <RecordTable
                minWidth={720}
                columns={[
                  { label: t('network.dashboard.columns.window') },
                  { label: t('network.dashboard.columns.member') },
                  { label: t('network.dashboard.columns.title') },
                  { label: t('network.dashboard.columns.type') },
                  { label: t('network.dashboard.columns.where') },
                  { label: t('network.dashboard.columns.status') },
                ]}
              >
                {month.entries.map((entry) => (
                  <Table.Tr key={`${entry.jurisdictionId}-${entry.activityId}`} data-testid={`calendar-${entry.activityId}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {entry.windowStart ? formatDate(entry.windowStart, jurisdiction) : t('network.none')}
                      {entry.windowEnd && entry.windowEnd !== entry.windowStart ? ` – ${formatDate(entry.windowEnd, jurisdiction)}` : ''}
                    </Table.Td>
                    <Table.Td>{entry.memberName}</Table.Td>
                    <Table.Td>{entry.title ?? t('network.none')}</Table.Td>
                    <Table.Td>{enumLabel('ActivityType', entry.type)}</Table.Td>
                    <Table.Td>{[entry.city, entry.country ? countryName(entry.country, language) : null].filter(Boolean).join(', ') || t('network.none')}</Table.Td>
                    <Table.Td>{enumLabel('ActivityStatus', entry.status)}</Table.Td>
                  </Table.Tr>
                ))}
              </RecordTable>
            </section>
          ))}
        </Stack>
      </Section>
    </Stack>
  );
}
