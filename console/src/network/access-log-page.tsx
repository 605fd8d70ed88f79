import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Busy } from '../busy';
import { graphql } from '../gql';
import type { SharingAccessLogQuery } from '../gql/graphql';
import { QueryError } from '../query-error';
import { RecordTable } from '../registry/record-table';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { NetworksQuery } from './network-queries';

const AccessLogQuery = graphql(`
  query SharingAccessLog($networkId: ID, $after: String) {
    sharingAccessLog(networkId: $networkId, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        networkId
        readerUserId
        readerUsername
        readerJurisdictionId
        view
        scopes
        recordCount
        at
      }
    }
  }
`);

type Entry = SharingAccessLogQuery['sharingAccessLog']['nodes'][number];

/** Who read what the jurisdiction shares: one row per read that returned its records, through which network and view, when (oldest first, as the API keeps them; "Show more" reads on). */
export default function AccessLogPage() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [networkId, setNetworkId] = useState<string | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<Entry[]>([]);
  const [{ data: networks }] = useQuery({ query: NetworksQuery });
  const [{ data, error }] = useQuery({ query: AccessLogQuery, variables: { networkId, after }, requestPolicy: 'network-only' });
  const names = new Map((networks?.networks ?? []).map((network) => [network.id, network.name]));
  const when = new Intl.DateTimeFormat(jurisdiction.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const entries = [...earlier, ...(data?.sharingAccessLog.nodes ?? [])];
  const choose = (value: string | null) => {
    setNetworkId(value || null);
    setAfter(null);
    setEarlier([]);
  };
  return (
    <>
      <PageTitle>{t('network.log.title')}</PageTitle>
      <Stack gap="md">
        <Text>{t('network.log.intro')}</Text>
        <Group align="flex-end">
          <Select
            label={t('network.log.network')}
            data={[{ value: '', label: t('network.log.allNetworks') }, ...(networks?.networks ?? []).map((network) => ({ value: network.id, label: network.name }))]}
            value={networkId ?? ''}
            onChange={choose}
            allowDeselect={false}
            w={320}
          />
          {data && <Text size="sm">{t('network.log.count', { count: data.sharingAccessLog.totalCount })}</Text>}
        </Group>
        {error ? (
          <QueryError error={error} />
        ) : !data ? (
          <Busy />
        ) : entries.length === 0 ? (
          <Text data-testid="access-log-empty">{t('network.log.empty')}</Text>
        ) : (
          <RecordTable
            testId="access-log"
            minWidth={900}
            columns={[
              { label: t('network.log.columns.at') },
              { label: t('network.log.columns.reader') },
              { label: t('network.log.columns.readerJurisdiction') },
              { label: t('network.log.columns.network') },
              { label: t('network.log.columns.view') },
              { label: t('network.log.columns.scopes') },
              { label: t('network.log.columns.records'), numeric: true },
            ]}
          >
            {entries.map((entry, index) => (
              <Table.Tr key={`${entry.at}-${entry.readerUserId}-${index}`} data-testid="access-entry">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when.format(new Date(entry.at))}</Table.Td>
                <Table.Td>{entry.readerUsername}</Table.Td>
                <Table.Td>{entry.readerJurisdictionId}</Table.Td>
                <Table.Td>{names.get(entry.networkId) ?? entry.networkId}</Table.Td>
                <Table.Td>{t(`network.views.${entry.view}`)}</Table.Td>
                <Table.Td>{entry.scopes.map((scope) => t(`network.scopes.${scope}`)).join(', ')}</Table.Td>
                <Table.Td ta="right">{entry.recordCount}</Table.Td>
              </Table.Tr>
            ))}
          </RecordTable>
        )}
        {data?.sharingAccessLog.pageInfo.hasNextPage && data.sharingAccessLog.pageInfo.endCursor && (
          <Group>
            <Button
              variant="default"
              onClick={() => {
                setEarlier(entries);
                setAfter(data.sharingAccessLog.pageInfo.endCursor ?? null);
              }}
            >
              {t('network.log.more')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
