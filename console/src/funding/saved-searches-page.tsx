import { Badge, Button, Group, Menu, Modal, Stack, Table, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { FITS, OVER, PENDING } from '../colors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { SavedSearchFieldsFragment } from '../gql/graphql';
import { DateField } from '../planning/date-field';
import { QueryError } from '../query-error';
import { GeneralErrors, Notice } from '../registry/feedback';
import { RecordNotFound } from '../registry/not-found';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { formatAmount, formatMoment } from './funding-format';
import { SavedSearchDialog } from './saved-search-form';

const SavedSearchesQuery = graphql(`
  query SavedSearches {
    savedSearches(first: 100) {
      totalCount
      nodes {
        ...SavedSearchFields
      }
    }
  }
`);

const SnoozeSavedSearchMutation = graphql(`
  mutation SnoozeSavedSearch($id: ID!, $until: DateTime) {
    snoozeSavedSearch(id: $id, until: $until) {
      ...SavedSearchFields
    }
  }
`);

const DeleteSavedSearchMutation = graphql(`
  mutation DeleteSavedSearch($id: ID!) {
    deleteSavedSearch(id: $id)
  }
`);

const SendSearchDigestNowMutation = graphql(`
  mutation SendSearchDigestNow($id: ID!) {
    sendSearchDigestNow(id: $id)
  }
`);

type Search = SavedSearchFieldsFragment;
type Dialog = { kind: 'new' } | { kind: 'snooze'; search: Search } | { kind: 'delete'; search: Search } | null;

// The actions keep the width of their buttons; the text columns wrap.
const NO_WRAP = { whiteSpace: 'nowrap', width: '1%' } as const;

/** Today as YYYY-MM-DD in the viewer's time zone, and a year on: the range a snooze may end in. */
function dayIn(daysAhead: number): string {
  const day = new Date(Date.now() + daysAhead * 24 * 60 * 60 * 1000);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/**
 * The person's own saved searches: what each looks for, when and where it
 * sends, its state (active, snoozed, unsubscribed by email, a webhook
 * disabled); create and edit in a dialog (at /funding/searches/<id>), the
 * API's plain-words notice after saving, snooze until a day and wake,
 * "send digest now" for daily and weekly ones, and delete after a
 * confirmation. Nobody else's searches are ever listed (the API answers
 * only the caller's).
 */
export default function SavedSearchesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const [{ data, error }, refetch] = useQuery({ query: SavedSearchesQuery });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failures, setFailures] = useState<string[]>([]);
  const [, snooze] = useMutation(SnoozeSavedSearchMutation);
  const [, sendDigest] = useMutation(SendSearchDigestNowMutation);
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const searches = data.savedSearches.nodes;
  const editing = id ? searches.find((search) => search.id === id) : undefined;
  if (id && !editing) return <RecordNotFound title={t('savedSearches.title')} message={t('savedSearches.notFound')} back={t('savedSearches.backToList')} to="/funding/searches" testId="saved-search-not-found" />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const done = (message: string) => {
    setFailures([]);
    setNotice(message);
    reload();
  };

  const wake = async (search: Search) => {
    const answer = await snooze({ id: search.id, until: null });
    if (answer.error) setFailures([answer.error.graphQLErrors[0]?.message ?? answer.error.message]);
    else done(t('savedSearches.woken', { name: search.name }));
  };
  const digestNow = async (search: Search) => {
    const answer = await sendDigest({ id: search.id });
    if (answer.error) setFailures([answer.error.graphQLErrors[0]?.message ?? answer.error.message]);
    else done(t('savedSearches.digestSent', { name: search.name, count: answer.data?.sendSearchDigestNow ?? 0 }));
  };

  return (
    <>
      <PageTitle>{t('savedSearches.title')}</PageTitle>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Text maw={640}>{t('savedSearches.intro')}</Text>
          <Button onClick={() => setDialog({ kind: 'new' })}>{t('savedSearches.add')}</Button>
        </Group>
        <Notice message={notice} onClose={() => setNotice(null)} />
        <GeneralErrors messages={failures} />
        {searches.length === 0 ? (
          <Text>{t('savedSearches.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped data-testid="saved-searches" aria-label={t('savedSearches.list')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('savedSearches.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('savedSearches.columns.criteria')}</Table.Th>
                  <Table.Th scope="col">{t('savedSearches.columns.cadence')}</Table.Th>
                  <Table.Th scope="col">{t('savedSearches.columns.channels')}</Table.Th>
                  <Table.Th scope="col">{t('savedSearches.columns.state')}</Table.Th>
                  <Table.Th scope="col">{t('savedSearches.columns.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {searches.map((search) => (
                  <Table.Tr key={search.id} data-testid="saved-search-row">
                    <Table.Td fw={600} miw={140}>
                      {search.name}
                    </Table.Td>
                    <Table.Td miw={180} maw={280}>
                      <CriteriaSummary search={search} />
                    </Table.Td>
                    <Table.Td miw={150} maw={200}>
                      <CadenceSummary search={search} />
                    </Table.Td>
                    <Table.Td maw={200} style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">{channelsOf(search, t)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <SearchState search={search} />
                    </Table.Td>
                    <Table.Td style={NO_WRAP}>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => void navigate(`/funding/searches/${search.id}`)} aria-label={t('savedSearches.editNamed', { name: search.name })}>
                          {t('savedSearches.edit')}
                        </Button>
                        {search.snoozedUntil && new Date(search.snoozedUntil) > new Date() ? (
                          <Button size="xs" variant="default" onClick={() => void wake(search)} aria-label={t('savedSearches.wakeNamed', { name: search.name })}>
                            {t('savedSearches.wake')}
                          </Button>
                        ) : (
                          <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'snooze', search })} aria-label={t('savedSearches.snoozeNamed', { name: search.name })}>
                            {t('savedSearches.snooze')}
                          </Button>
                        )}
                        <Menu position="bottom-end">
                          <Menu.Target>
                            <Button size="xs" variant="subtle" aria-label={t('savedSearches.moreNamed', { name: search.name })}>
                              {t('savedSearches.more')}
                            </Button>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {search.cadence.kind !== 'INSTANT' && (
                              <Menu.Item onClick={() => void digestNow(search)} aria-label={t('savedSearches.digestNowNamed', { name: search.name })}>
                                {t('savedSearches.digestNow')}
                              </Menu.Item>
                            )}
                            <Menu.Item color={OVER} onClick={() => setDialog({ kind: 'delete', search })} aria-label={t('savedSearches.deleteNamed', { name: search.name })}>
                              {t('savedSearches.delete')}
                            </Menu.Item>
                          </Menu.Dropdown>
                        </Menu>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {(dialog?.kind === 'new' || editing) && (
        <SavedSearchDialog
          editing={editing}
          onClose={() => (editing ? void navigate('/funding/searches') : setDialog(null))}
          onSaved={(message) => {
            setDialog(null);
            if (editing) void navigate('/funding/searches');
            done(message);
          }}
        />
      )}
      {dialog?.kind === 'snooze' && <SnoozeDialog search={dialog.search} onClose={() => setDialog(null)} onDone={(message) => (setDialog(null), done(message))} />}
      {dialog?.kind === 'delete' && <DeleteDialog search={dialog.search} onClose={() => setDialog(null)} onDone={(message) => (setDialog(null), done(message))} />}
    </>
  );
}

/** What a search looks for, in a line. */
function CriteriaSummary({ search }: { search: Search }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const c = search.criteria;
  const list = (values: readonly string[]) => values.join(', ');
  const range = (min: number | null | undefined, max: number | null | undefined, show: (n: number) => string) =>
    min !== null && min !== undefined && max !== null && max !== undefined ? `${show(min)}–${show(max)}` : min !== null && min !== undefined ? `≥ ${show(min)}` : max !== null && max !== undefined ? `≤ ${show(max)}` : null;
  const amount = range(c.minAmount, c.maxAmount, (n) => formatAmount(n, c.currency, jurisdiction.locale));
  const days = range(c.minDaysToClose, c.maxDaysToClose, String);
  const parts = [
    c.keywords.length > 0 && t('savedSearches.criteriaSummary.keywords', { list: list(c.keywords) }),
    c.excludedKeywords.length > 0 && t('savedSearches.criteriaSummary.excluded', { list: list(c.excludedKeywords) }),
    c.statuses.length > 0 && t('savedSearches.criteriaSummary.statuses', { list: list(c.statuses) }),
    amount && t('savedSearches.criteriaSummary.amount', { range: amount }),
    days && t('savedSearches.criteriaSummary.days', { range: days }),
    c.funderTypes.length > 0 && t('savedSearches.criteriaSummary.funderTypes', { list: list(c.funderTypes) }),
    c.themes.length > 0 && t('savedSearches.criteriaSummary.themes', { list: list(c.themes) }),
    c.countries.length > 0 && t('savedSearches.criteriaSummary.countries', { list: list(c.countries) }),
    c.eligibleOnly && t('savedSearches.criteriaSummary.eligibleOnly'),
    c.matchesMyPriorities && t('savedSearches.criteriaSummary.matchesPriorities'),
  ].filter((part): part is string => typeof part === 'string');
  return <Text size="sm">{parts.length > 0 ? parts.join('; ') : t('savedSearches.anything')}</Text>;
}

function CadenceSummary({ search }: { search: Search }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const { kind, hour, weekday, timeZone } = search.cadence;
  return (
    <>
      <Text size="sm">{t(`savedSearches.cadenceSummary.${kind}`, { hour: `${String(hour).padStart(2, '0')}:00`, zone: timeZone, weekday: t(`fundingEnums.weekday.${weekday ?? 1}`) })}</Text>
      {search.nextDigestAt && kind !== 'INSTANT' && <Text size="xs">{t('savedSearches.nextDigest', { when: formatMoment(search.nextDigestAt, jurisdiction.locale, timeZone) })}</Text>}
    </>
  );
}

function channelsOf(search: Search, t: (key: string) => string): string {
  const { inApp, email, emailTo, webhook } = search.channels;
  return [inApp && t('savedSearches.channelNames.inApp'), email && `${t('savedSearches.channelNames.email')}${emailTo ? ` (${emailTo})` : ''}`, webhook && `${t('savedSearches.channelNames.webhook')} (${new URL(webhook.url).host})`].filter(Boolean).join(', ');
}

function SearchState({ search }: { search: Search }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const snoozed = search.snoozedUntil && new Date(search.snoozedUntil) > new Date();
  return (
    <Stack gap={4} align="flex-start">
      {search.unsubscribedAt ? (
        <Badge variant="outline" color={OVER} style={{ minWidth: 'max-content' }}>
          {t('savedSearches.unsubscribed')}
        </Badge>
      ) : snoozed ? (
        <Badge variant="outline" color={PENDING} style={{ minWidth: 'max-content' }} data-testid="search-snoozed">
          {t('savedSearches.snoozedUntil', { date: formatDate(search.snoozedUntil as string, jurisdiction) })}
        </Badge>
      ) : (
        <Badge variant="outline" color={FITS} style={{ minWidth: 'max-content' }}>
          {t('savedSearches.active')}
        </Badge>
      )}
      {search.channels.webhook?.disabledAt && (
        <Text size="xs" c={OVER}>
          {t('savedSearches.webhookDisabled', { reason: search.channels.webhook.disabledReason ?? '' })}
        </Text>
      )}
    </Stack>
  );
}

function SnoozeDialog({ search, onClose, onDone }: { search: Search; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [day, setDay] = useState(dayIn(7));
  const [failure, setFailure] = useState<string | undefined>();
  const [{ fetching }, snooze] = useMutation(SnoozeSavedSearchMutation);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // The end of the chosen day where the person is.
    const until = new Date(`${day}T23:59:59`).toISOString();
    const answer = await snooze({ id: search.id, until });
    if (answer.error) setFailure(answer.error.graphQLErrors[0]?.message ?? answer.error.message);
    else onDone(t('savedSearches.snoozed', { name: search.name, date: formatDate(day, jurisdiction) }));
  };
  return (
    <Modal opened onClose={onClose} title={t('savedSearches.snoozeTitle', { name: search.name })} closeButtonProps={{ 'aria-label': t('fundingSearch.detail.close') }}>
      <form onSubmit={(event) => void onSubmit(event)} aria-label={t('savedSearches.snoozeTitle', { name: search.name })}>
        <Stack gap="md">
          <Text size="sm">{t('savedSearches.snoozeText')}</Text>
          <DateField id="snooze-until" label={t('savedSearches.snoozeUntil')} value={day} onChange={setDay} min={dayIn(0)} max={dayIn(365)} error={failure} required />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('savedSearches.cancel')}
            </Button>
            <Button type="submit" loading={fetching} disabled={day === ''}>
              {t('savedSearches.snoozeConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeleteDialog({ search, onClose, onDone }: { search: Search; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string[]>([]);
  const [{ fetching }, remove] = useMutation(DeleteSavedSearchMutation);
  const onDelete = async () => {
    const answer = await remove({ id: search.id });
    if (answer.error) setFailure([answer.error.graphQLErrors[0]?.message ?? answer.error.message]);
    else onDone(t('savedSearches.deleted', { name: search.name }));
  };
  return (
    <Modal opened onClose={onClose} title={t('savedSearches.deleteTitle', { name: search.name })} closeButtonProps={{ 'aria-label': t('fundingSearch.detail.close') }}>
      <Stack gap="md">
        <Text size="sm">{t('savedSearches.deleteText')}</Text>
        <GeneralErrors messages={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('savedSearches.cancel')}
          </Button>
          <Button color={OVER} onClick={() => void onDelete()} loading={fetching}>
            {t('savedSearches.deleteConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
