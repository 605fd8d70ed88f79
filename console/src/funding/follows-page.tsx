import { Anchor, Button, Group, Paper, Stack, TagsInput, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { OVER } from '../colors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { FollowedOpportunitiesQuery as FollowedResult } from '../gql/graphql';
import { QueryError } from '../query-error';
import { ERROR_COLOUR, GeneralErrors, Notice } from '../registry/feedback';
import { fieldErrorsOf } from '../registry/field-errors';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { UnfollowOpportunityMutation } from './follow-toggle';

const FollowedOpportunitiesQuery = graphql(`
  query FollowedOpportunities {
    followedOpportunities(first: 100) {
      totalCount
      nodes {
        opportunityId
        title
        closesAt
        reminderDays
        nextReminderAt
        nextReminderDaysBefore
        opportunity {
          funder
          url
          status
        }
      }
    }
  }
`);

const UpdateFollowMutation = graphql(`
  mutation UpdateFollow($opportunityId: ID!, $input: FollowInput!) {
    updateFollow(opportunityId: $opportunityId, input: $input) {
      opportunityId
      reminderDays
      nextReminderAt
      nextReminderDaysBefore
    }
  }
`);

type Followed = FollowedResult['followedOpportunities']['nodes'][number];

/** The opportunities the person follows, each with its reminder days (editable) and a way to stop following it. */
export default function FollowsPage() {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const [{ data, error }, reexecute] = useQuery({ query: FollowedOpportunitiesQuery, requestPolicy: 'cache-and-network' });
  const changed = (message: string) => {
    setNotice(message);
    reexecute({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <PageTitle>{t('fundingWork.follows.title')}</PageTitle>
      <Notice message={notice} onClose={() => setNotice(null)} />
      <Stack gap="md">
        <Text>{t('fundingWork.follows.intro')}</Text>
        {error ? (
          <QueryError error={error} />
        ) : !data ? (
          <Busy />
        ) : data.followedOpportunities.nodes.length === 0 ? (
          <Text data-testid="no-follows">{t('fundingWork.follows.none')}</Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('fundingWork.follows.title')}>
            {data.followedOpportunities.nodes.map((followed) => (
              <FollowedCard key={`${followed.opportunityId}-${followed.reminderDays.join(',')}`} followed={followed} onChanged={changed} />
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}

const DAY = /^\d{1,3}$/;

function FollowedCard({ followed, onChanged }: { followed: Followed; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [days, setDays] = useState(followed.reminderDays.map(String));
  const [error, setError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string[]>([]);
  const [saving, update] = useMutation(UpdateFollowMutation);
  const [leaving, unfollow] = useMutation(UnfollowOpportunityMutation);
  const titleId = `followed-${followed.opportunityId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const fieldId = `${titleId}-reminders`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setGeneral([]);
    const bad = days.find((day) => !DAY.test(day.trim()));
    if (bad !== undefined) {
      setError(t('fundingWork.follows.wholeDays', { value: bad }));
      return;
    }
    const answer = await update({ opportunityId: followed.opportunityId, input: { reminderDays: days.map((day) => Number(day.trim())) } });
    if (answer.error) {
      // The API names each bad day by its place (reminderDays[0]); they all belong to the one field.
      const fields = ['reminderDays', ...days.map((_, index) => `reminderDays[${index}]`)];
      const found = fieldErrorsOf(fields, answer.error.graphQLErrors);
      setError(Object.values(found.byField).join('; ') || undefined);
      setGeneral(answer.error.networkError ? [...found.general, answer.error.networkError.message] : found.general);
    } else onChanged(t('fundingWork.follows.saved', { title: followed.title }));
  };

  const stop = async () => {
    const answer = await unfollow({ opportunityId: followed.opportunityId });
    if (answer.error) setGeneral([answer.error.graphQLErrors[0]?.message ?? answer.error.message]);
    else onChanged(t('fundingWork.follows.stopped', { title: followed.title }));
  };

  const url = followed.opportunity?.url;
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="followed-opportunity" aria-labelledby={titleId}>
      <Title order={2} size="h5" id={titleId}>
        {url ? (
          <Anchor href={url} target="_blank" rel="noreferrer">
            {followed.title}
          </Anchor>
        ) : (
          followed.title
        )}
      </Title>
      <Text size="sm">
        {[followed.opportunity?.funder, followed.closesAt ? t('fundingWork.follows.closes', { date: formatDate(followed.closesAt, jurisdiction) }) : t('fundingWork.follows.noDeadline')].filter(Boolean).join(' · ')}
      </Text>
      <Text size="sm" data-testid="next-reminder">
        {followed.nextReminderAt && followed.nextReminderDaysBefore !== null && followed.nextReminderDaysBefore !== undefined
          ? t('fundingWork.follows.nextReminder', { date: formatDate(followed.nextReminderAt, jurisdiction), days: followed.nextReminderDaysBefore })
          : t('fundingWork.follows.noReminder')}
      </Text>
      <form onSubmit={(event) => void save(event)} noValidate style={ERROR_COLOUR} aria-label={t('fundingWork.follows.remindersOf', { title: followed.title })}>
        <Group align="flex-end" mt="sm" gap="sm">
          <TagsInput id={fieldId} label={t('fundingWork.follows.reminders')} description={t('fundingWork.follows.remindersHint')} value={days} onChange={setDays} error={error} w={320} />
          <Button type="submit" variant="default" loading={saving.fetching} aria-describedby={titleId}>
            {t('fundingWork.follows.save')}
          </Button>
          <Button variant="outline" color={OVER} loading={leaving.fetching} onClick={() => void stop()} aria-describedby={titleId}>
            {t('fundingWork.follows.unfollow')}
          </Button>
        </Group>
        <GeneralErrors messages={general} />
      </form>
    </Paper>
  );
}
