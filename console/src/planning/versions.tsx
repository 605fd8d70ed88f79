import { Button, Group, List, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { PlanQuery as PlanQueryResult } from '../gql/graphql';
import { QueryError } from '../query-error';
import { useSession } from '../session';

const PlanDiffQuery = graphql(`
  query PlanDiff($year: Int!, $from: Int!, $to: Int!) {
    planDiff(year: $year, fromVersion: $from, toVersion: $to) {
      changes {
        target
        change
        label
        summary
      }
    }
  }
`);

export function Versions({ year, versions }: { year: number; versions: PlanQueryResult['planVersions'] }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const numbers = versions.map((v) => String(v.version));
  const [from, setFrom] = useState(numbers[1] ?? numbers[0] ?? '1');
  const [to, setTo] = useState(numbers[0] ?? '1');
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null);
  const [{ data, error, fetching }] = useQuery({
    query: PlanDiffQuery,
    variables: { year, from: compared?.from ?? 1, to: compared?.to ?? 1 },
    pause: compared === null,
  });
  return (
    <section aria-labelledby="versions-heading">
      <Title order={2} size="h4" id="versions-heading" mb="xs">
        {t('plan.versions')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plan.versionColumns.version')}</Table.Th>
              <Table.Th scope="col">{t('plan.versionColumns.status')}</Table.Th>
              <Table.Th scope="col">{t('plan.versionColumns.approvedBy')}</Table.Th>
              <Table.Th scope="col">{t('plan.versionColumns.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((version) => (
              <Table.Tr key={version.version}>
                <Table.Td>{version.version}</Table.Td>
                <Table.Td>{t(`enums.PlanStatus.${version.status}`)}</Table.Td>
                <Table.Td>{version.approvedBy ?? '—'}</Table.Td>
                <Table.Td>{formatDate(version.updatedAt, jurisdiction)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {numbers.length > 1 && (
        <Group align="flex-end" mt="sm">
          <Select label={t('plan.from')} data={numbers} value={from} onChange={(value) => value && setFrom(value)} allowDeselect={false} w={140} />
          <Select label={t('plan.to')} data={numbers} value={to} onChange={(value) => value && setTo(value)} allowDeselect={false} w={140} />
          <Button variant="default" loading={fetching} onClick={() => setCompared({ from: Number(from), to: Number(to) })}>
            {t('plan.compare')}
          </Button>
        </Group>
      )}
      {error && <QueryError error={error} />}
      {compared && data && (
        <div role="status" aria-live="polite">
          {data.planDiff.changes.length === 0 ? (
            <Text mt="sm">{t('plan.noChanges')}</Text>
          ) : (
            <List mt="sm" spacing={4} data-testid="plan-diff">
              {data.planDiff.changes.map((change, index) => (
                <List.Item key={index}>{change.summary}</List.Item>
              ))}
            </List>
          )}
        </div>
      )}
    </section>
  );
}
