import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CombinedError, type OperationResult, useClient, useMutation } from 'urql';
import { Busy } from '../busy';
import { FITS, NEUTRAL, OVER } from '../colors';
import { graphql } from '../gql';
import type { AlertKind, AlertsQuery } from '../gql/graphql';
import { QueryError } from '../query-error';
import { GeneralErrors, Notice } from '../registry/feedback';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { useAlertsFeed } from './alerts-feed';
import { formatAmount, formatMoment, viewerTimeZone } from './funding-format';

const AlertsQueryDocument = graphql(`
  query Alerts($unreadOnly: Boolean, $after: String) {
    alerts(unreadOnly: $unreadOnly, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        sourceName
        summary
        createdAt
        readAt
        opportunity {
          opportunityId
          version
          title
          funder
          url
          closesAt
          awardCeiling
          currency
        }
      }
    }
  }
`);

const MarkAlertsReadMutation = graphql(`
  mutation MarkAlertsRead($ids: [ID!]) {
    markAlertsRead(ids: $ids)
  }
`);


type AlertRow = AlertsQuery['alerts']['nodes'][number];

function kindColour(kind: AlertKind): string {
  return kind === 'NEW_MATCH' ? FITS : kind === 'WEBHOOK_DISABLED' ? OVER : NEUTRAL;
}

/**
 * The in-app alert inbox, newest first: what each saved search found, read
 * and unread. It follows the console's one alertReceived subscription
 * (alerts-feed.tsx): a new alert is listed, and the badge in the navigation
 * counts it, without a reload.
 */
export default function AlertsPage() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const feed = useAlertsFeed();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const client = useClient();
  const [data, setData] = useState<{ nodes: AlertRow[]; totalCount: number } | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);
  const [, markRead] = useMutation(MarkAlertsReadMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const [failures, setFailures] = useState<string[]>([]);
  // Read again whenever an alert arrives or is marked read (feed.revision) and when the filter changes.
  useEffect(() => {
    let current = true;
    void (async () => {
      const nodes: AlertRow[] = [];
      let after: string | null = null;
      // The API answers oldest first, 100 at a time: the inbox reads every page to show the newest first.
      for (;;) {
        const answer: OperationResult<AlertsQuery> = await client.query(AlertsQueryDocument, { unreadOnly, after }, { requestPolicy: 'network-only' }).toPromise();
        if (!current) return;
        if (answer.error || !answer.data) return setError(answer.error ?? null);
        const { nodes: page, pageInfo, totalCount } = answer.data.alerts;
        nodes.push(...page);
        if (!pageInfo.hasNextPage || !pageInfo.endCursor) return setData({ nodes, totalCount });
        after = pageInfo.endCursor;
      }
    })();
    return () => {
      current = false;
    };
  }, [client, unreadOnly, feed.revision]);
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const alerts = [...data.nodes].reverse();

  const mark = async (ids?: string[]) => {
    const answer = await markRead(ids ? { ids } : {});
    if (answer.error) return setFailures([answer.error.graphQLErrors[0]?.message ?? answer.error.message]);
    setFailures([]);
    // Shown read at once, as the badge is: the list read again below confirms it, but a person (or a test) never sees the badge at 0 beside rows still marked unread.
    const readAt = new Date().toISOString();
    const marked = ids ? new Set(ids) : null;
    setData((shown) => shown && { ...shown, nodes: shown.nodes.map((row) => (row.readAt || (marked && !marked.has(row.id)) ? row : { ...row, readAt })) });
    if (!ids) setNotice(t('alertsInbox.markedAll', { count: answer.data?.markAlertsRead ?? 0 }));
    feed.refresh();
  };

  return (
    <>
      <PageTitle>{t('alertsInbox.title')}</PageTitle>
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <div>
            <Text data-testid="alerts-count">{t('alertsInbox.count', { count: data.totalCount, unread: feed.unread })}</Text>
            <Text size="sm">{t('alertsInbox.live')}</Text>
          </div>
          <Group>
            <Switch label={t('alertsInbox.unreadOnly')} checked={unreadOnly} onChange={(event) => setUnreadOnly(event.currentTarget.checked)} />
            <Button variant="default" onClick={() => void mark()} disabled={feed.unread === 0}>
              {t('alertsInbox.markAllRead')}
            </Button>
          </Group>
        </Group>
        <Notice message={notice} onClose={() => setNotice(null)} />
        <GeneralErrors messages={failures} />
        {alerts.length === 0 ? (
          <Text>{unreadOnly ? t('alertsInbox.noneUnread') : t('alertsInbox.none')}</Text>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="alert-list" aria-label={t('alertsInbox.title')}>
            {alerts.map((alert) => {
              const call = alert.opportunity;
              const title = call?.title ?? alert.summary;
              return (
                <Paper key={alert.id} component="li" withBorder p="sm" radius="md" data-testid="alert-item" data-read={alert.readAt ? 'true' : 'false'} style={alert.readAt ? undefined : { borderLeft: '4px solid var(--mantine-color-indigo-8)' }}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Badge variant="outline" color={kindColour(alert.kind)} style={{ minWidth: 'max-content' }}>
                          {t(`fundingEnums.alertKind.${alert.kind}`)}
                        </Badge>
                        {!alert.readAt && (
                          <Badge variant="filled" color="indigo.8" style={{ minWidth: 'max-content' }}>
                            {t('alertsInbox.unread')}
                          </Badge>
                        )}
                        <Text size="xs">{formatMoment(alert.createdAt, jurisdiction.locale)}</Text>
                      </Group>
                      <Title order={2} size="h5">
                        {call ? (
                          <Anchor component={Link} to={`/funding/opportunities/${encodeURIComponent(call.opportunityId)}`}>
                            {title}
                          </Anchor>
                        ) : (
                          title
                        )}
                      </Title>
                      <Text size="sm">{alert.summary}</Text>
                      <Text size="xs">
                        {[
                          t('alertsInbox.from', { search: alert.sourceName }),
                          call?.funder,
                          call?.closesAt && t('alertsInbox.closes', { when: formatMoment(call.closesAt, jurisdiction.locale), zone: viewerTimeZone() }),
                          call?.awardCeiling !== null && call?.awardCeiling !== undefined && t('alertsInbox.award', { amount: formatAmount(call.awardCeiling, call.currency, jurisdiction.locale) }),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                      {call?.url && (
                        <Anchor href={call.url} target="_blank" rel="noreferrer noopener" size="sm">
                          {t('alertsInbox.openCall')}
                          <VisuallyHidden> ({title})</VisuallyHidden>
                        </Anchor>
                      )}
                    </Stack>
                    {!alert.readAt && (
                      <Button size="xs" variant="default" onClick={() => void mark([alert.id])} aria-label={t('alertsInbox.markReadNamed', { title })}>
                        {t('alertsInbox.markRead')}
                      </Button>
                    )}
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        )}
      </Stack>
    </>
  );
}
