import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { OVER, WARNING_TEXT } from '../colors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import { useCopyOnce } from '../copy-once';
import { QueryError } from '../query-error';
import { Notice, Section } from '../registry/feedback';
import { useSession } from '../session';

const CalendarFeedQuery = graphql(`
  query CalendarFeed {
    calendarFeed {
      createdAt
      rotatedAt
      lastFetchedAt
    }
  }
`);

const CreateCalendarFeedMutation = graphql(`
  mutation CreateCalendarFeed {
    createCalendarFeed {
      path
    }
  }
`);

const RotateCalendarFeedMutation = graphql(`
  mutation RotateCalendarFeed {
    rotateCalendarFeed {
      path
    }
  }
`);

const RevokeCalendarFeedMutation = graphql(`
  mutation RevokeCalendarFeed {
    revokeCalendarFeed
  }
`);

/**
 * The person's own secret link to an iCalendar feed of the pipeline's
 * deadlines. The link is on the console's own origin (its server forwards
 * /calendar to the API), shown only right after it is made: the API keeps
 * only a hash of the secret.
 */
export function CalendarLink() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [{ data, error }, reexecute] = useQuery({ query: CalendarFeedQuery, requestPolicy: 'cache-and-network' });
  const [made, setMade] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const copy = useCopyOnce(made ?? '', { copy: t('fundingWork.calendar.copy'), copied: t('fundingWork.calendar.copied') }, 'copy-calendar-link');
  const [created, create] = useMutation(CreateCalendarFeedMutation);
  const [rotated, rotate] = useMutation(RotateCalendarFeedMutation);
  const [revoked, revoke] = useMutation(RevokeCalendarFeedMutation);
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  const show = (answer: { data?: { path: string } | undefined; error?: CombinedError }) => {
    setFailure(answer.error ?? null);
    if (answer.data) {
      setNotice(null);
      setMade(new URL(answer.data.path, window.location.origin).toString());
      reload();
    }
  };

  const feed = data?.calendarFeed;
  return (
    <Section id="calendar-link-heading" title={t('fundingWork.calendar.title')} testId="calendar-link">
      <Stack gap="sm">
        <Text>{t('fundingWork.calendar.intro')}</Text>
        <Alert role="note" color="orange" variant="light" title={t('fundingWork.calendar.warningTitle')} styles={{ title: { color: WARNING_TEXT } }}>
          {t('fundingWork.calendar.warning')}
        </Alert>
        <Notice message={notice} onClose={() => setNotice(null)} />
        {failure && <QueryError error={failure} />}
        {error ? (
          <QueryError error={error} />
        ) : !data ? (
          <Busy />
        ) : made ? (
          <>
            <Group align="flex-end" wrap="nowrap">
              <TextInput
                id="calendar-link-url"
                label={t('fundingWork.calendar.link')}
                description={t('fundingWork.calendar.once')}
                value={made}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
                styles={{ input: { fontFamily: 'ui-monospace, monospace' } }}
                style={{ flex: 1 }}
              />
              {copy.button}
            </Group>
            {copy.failure}
          </>
        ) : feed ? (
          <>
            <Text>{t('fundingWork.calendar.active', { created: formatDate(feed.rotatedAt, jurisdiction) })}</Text>
            <Text size="sm">{feed.lastFetchedAt ? t('fundingWork.calendar.lastFetched', { date: formatDate(feed.lastFetchedAt, jurisdiction) }) : t('fundingWork.calendar.neverFetched')}</Text>
            <Text size="sm">{t('fundingWork.calendar.hidden')}</Text>
          </>
        ) : (
          <Text>{t('fundingWork.calendar.none')}</Text>
        )}
        {data && (
          <Group>
            {feed || made ? (
              <>
                <Button variant="default" loading={rotated.fetching} onClick={() => void rotate({}).then((answer) => show({ data: answer.data?.rotateCalendarFeed, error: answer.error }))}>
                  {t('fundingWork.calendar.rotate')}
                </Button>
                <Button variant="outline" color={OVER} onClick={() => setConfirming(true)}>
                  {t('fundingWork.calendar.revoke')}
                </Button>
              </>
            ) : (
              <Button loading={created.fetching} onClick={() => void create({}).then((answer) => show({ data: answer.data?.createCalendarFeed, error: answer.error }))}>
                {t('fundingWork.calendar.create')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {confirming && (
        <Modal opened onClose={() => setConfirming(false)} title={t('fundingWork.calendar.revokeTitle')} closeButtonProps={{ 'aria-label': t('fundingWork.cancel') }}>
          <Stack gap="sm" data-testid="revoke-calendar-dialog">
            <Text>{t('fundingWork.calendar.revokeText')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('fundingWork.cancel')}
              </Button>
              <Button
                color={OVER}
                loading={revoked.fetching}
                onClick={() =>
                  void revoke({}).then((answer) => {
                    setConfirming(false);
                    setFailure(answer.error ?? null);
                    if (!answer.error) {
                      setMade(null);
                      setNotice(t('fundingWork.calendar.revoked'));
                      reload();
                    }
                  })
                }
              >
                {t('fundingWork.calendar.revoke')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Section>
  );
}
