import { Badge, VisuallyHidden } from '@mantine/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';

const UnreadAlertCountQuery = graphql(`
  query UnreadAlertCount {
    unreadAlertCount
  }
`);

const AlertReceivedSubscription = graphql(`
  subscription AlertReceived {
    alertReceived {
      id
      summary
    }
  }
`);

interface AlertsFeed {
  unread: number;
  /** Bumped on every alert that arrives and after marking read: screens that list alerts fetch again when it changes. */
  revision: number;
  /** The latest alert's one line, for a polite announcement. */
  latest: string | null;
  /** Read the unread count again (after marking alerts read). */
  refresh(): void;
}

const AlertsFeedContext = createContext<AlertsFeed>({ unread: 0, revision: 0, latest: null, refresh: () => undefined });

export function useAlertsFeed(): AlertsFeed {
  return useContext(AlertsFeedContext);
}

/**
 * The signed-in person's alerts as they arrive: one `alertReceived`
 * subscription (over SSE through the gateway) for the whole console, the
 * unread count for the navigation's badge, and a revision the inbox follows.
 */
export function AlertsFeedProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  // Marking read bumps this; each alert that arrives bumps the subscription's count.
  const [marked, setMarked] = useState(0);
  const [{ data }, refetch] = useQuery({ query: UnreadAlertCountQuery });
  const [{ data: received }] = useSubscription({ query: AlertReceivedSubscription }, (seen: { count: number; summary: string } | undefined, event) => ({ count: (seen?.count ?? 0) + 1, summary: event.alertReceived.summary }));
  const refresh = useCallback(() => {
    refetch({ requestPolicy: 'network-only' });
    setMarked((value) => value + 1);
  }, [refetch]);
  useEffect(() => {
    if (received) refetch({ requestPolicy: 'network-only' });
  }, [received, refetch]);
  const revision = marked + (received?.count ?? 0);
  const latest = received?.summary ?? null;
  const feed = useMemo(() => ({ unread: data?.unreadAlertCount ?? 0, revision, latest, refresh }), [data, revision, latest, refresh]);
  return (
    <AlertsFeedContext.Provider value={feed}>
      {children}
      <VisuallyHidden role="status" aria-live="polite">
        {latest ? t('alertsInbox.received', { summary: latest }) : ''}
      </VisuallyHidden>
    </AlertsFeedContext.Provider>
  );
}

/** The unread count beside "Alerts" in the navigation; nothing when all are read. */
export function UnreadBadge() {
  const { t } = useTranslation();
  const { unread } = useAlertsFeed();
  if (unread === 0) return null;
  return (
    <Badge size="sm" variant="filled" color="red.9" data-testid="unread-alerts">
      {unread > 99 ? '99+' : unread}
      <VisuallyHidden> {t('fundingNav.unread')}</VisuallyHidden>
    </Badge>
  );
}
