import { List, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useQuery } from 'urql';
import { Busy } from '../busy';
import { graphql } from '../gql';
import { QueryError } from '../query-error';
import { useSession } from '../session';
import { RecordTable } from './record-table';

const RecordHistoryQuery = graphql(`
  query RecordHistory($id: ID!) {
    recordHistory(id: $id) {
      id
      recordType
      entries {
        at
        byName
        action
        changes {
          field
          from
          to
        }
      }
    }
  }
`);

/** Where a record type's field names are worded, for the history to name a field as the form does. */
const FIELD_WORDS = { PARTNER: 'partners.fields', ASSET: 'assets.fields', RELATIONSHIP: 'relationships.fields', ENGAGEMENT: 'engagements.fields' } as const;

/**
 * Who changed what, when, of one partner, asset, relationship or engagement
 * (newest first). Read from the API each time it is shown: give it a new key
 * (e.g. the record's updatedAt) to read it again after a change.
 */
export function RecordHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, error }] = useQuery({ query: RecordHistoryQuery, variables: { id }, requestPolicy: 'network-only' });
  const history = data?.recordHistory;
  const fieldName = (field: string) => {
    const key = history ? `${FIELD_WORDS[history.recordType]}.${field}` : '';
    return key !== '' && i18n.exists(key) ? t(key) : field;
  };
  return <HistoryEntries entries={history?.entries} error={error} fieldName={fieldName} />;
}

export interface HistoryEntry {
  at: string;
  byName: string;
  action: string;
  changes: ReadonlyArray<{ field: string; from?: string | null; to?: string | null }>;
}

/** A change history as a table (who, when, what, each field from → to), newest first; busy while `entries` is undefined. */
export function HistoryEntries({ entries, error, fieldName }: { entries: readonly HistoryEntry[] | undefined; error?: CombinedError; fieldName: (field: string) => string }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const headingId = useId();
  const at = new Intl.DateTimeFormat(jurisdiction.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const value = (text: string | null | undefined) => (text === null || text === undefined || text === '' ? t('history.empty') : text);
  return (
    <section aria-labelledby={headingId} data-testid="record-history">
      <Title order={3} size="h5" id={headingId} mt="md" mb="xs">
        {t('history.title')}
      </Title>
      {error ? (
        <QueryError error={error} />
      ) : !entries ? (
        <Busy />
      ) : entries.length === 0 ? (
        <Text>{t('history.none')}</Text>
      ) : (
        <RecordTable columns={[{ label: t('history.columns.at') }, { label: t('history.columns.by') }, { label: t('history.columns.action') }, { label: t('history.columns.changes') }]}>
              {entries.map((entry, index) => (
                <Table.Tr key={`${entry.at}-${index}`} data-testid="history-entry" data-action={entry.action}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{at.format(new Date(entry.at))}</Table.Td>
                  <Table.Td>{entry.byName}</Table.Td>
                  <Table.Td>{entry.action}</Table.Td>
                  <Table.Td>
                    <List size="sm" listStyleType="none" spacing={2}>
                      {entry.changes.map((change) => (
                        <List.Item key={change.field}>{t('history.change', { field: fieldName(change.field), from: value(change.from), to: value(change.to) })}</List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
        </RecordTable>
      )}
    </section>
  );
}
