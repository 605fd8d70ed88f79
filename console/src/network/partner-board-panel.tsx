import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { FITS, NEUTRAL } from '../colors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { PartnerSearchesQuery as PartnerSearchesData } from '../gql/graphql';
import { QueryError } from '../query-error';
import { countryName } from '../registry/country-names';
import { GeneralErrors, Notice, Section } from '../registry/feedback';
import { useSession } from '../session';
import { ConfirmDialog } from './confirm-dialog';
import { useNetworkRoles } from './network-roles';
import { AnswerDialog, PostPartnerSearchForm } from './partner-search-form';

const PartnerSearchesQuery = graphql(`
  query PartnerSearches($networkId: ID!) {
    partnerSearches(networkId: $networkId) {
      id
      jurisdictionId
      memberName
      kind
      country
      opportunityId
      description
      status
      postedAt
      answers {
        jurisdictionId
        memberName
        message
        at
      }
    }
  }
`);

const CloseMutation = graphql(`
  mutation ClosePartnerSearch($searchId: ID!) {
    closePartnerSearch(searchId: $searchId) {
      id
      status
    }
  }
`);

type Post = PartnerSearchesData['partnerSearches'][number];

/**
 * The seeking-partners board: members' posts newest first, each with its
 * answers. A member's staff or admin posts what its jurisdiction looks for,
 * answers another member's open post and closes its own; coordinators read.
 */
export function PartnerBoardPanel({ networkId, member }: { networkId: string; member: boolean }) {
  const { t } = useTranslation();
  const { writer } = useNetworkRoles();
  const [{ data, error }, refetch] = useQuery({ query: PartnerSearchesQuery, variables: { networkId }, requestPolicy: 'network-only' });
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string[]>([]);
  const [answering, setAnswering] = useState<Post | null>(null);
  const [closing, setClosing] = useState<Post | null>(null);
  const [closeResult, close] = useMutation(CloseMutation);
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const mayWrite = member && writer;
  const done = (message: string) => {
    setFailure([]);
    setNotice(message);
    refetch({ requestPolicy: 'network-only' });
  };
  const posts = [...data.partnerSearches].sort((a, b) => b.postedAt.localeCompare(a.postedAt));
  const closePost = async (post: Post) => {
    const result = await close({ searchId: post.id });
    setClosing(null);
    if (result.error) return setFailure([result.error.graphQLErrors[0]?.message ?? result.error.message]);
    done(t('network.board.closed'));
  };
  return (
    <Stack gap="md">
      <Section id="board-heading" title={t('network.board.title')} testId="partner-board">
        <Text size="sm" mb="sm">
          {t('network.board.intro')}
        </Text>
        {!mayWrite && (
          <Text size="sm" mb="sm">
            {t('network.board.readOnly')}
          </Text>
        )}
        <Notice message={notice} onClose={() => setNotice(null)} />
        <GeneralErrors messages={failure} />
        {posts.length === 0 && <Text>{t('network.board.empty')}</Text>}
        <Stack gap="sm">
          {posts.map((post) => (
            <PostCard key={post.id} post={post} mayWrite={mayWrite} onAnswer={() => setAnswering(post)} onClose={() => setClosing(post)} />
          ))}
        </Stack>
      </Section>
      {mayWrite && <PostPartnerSearchForm networkId={networkId} onPosted={() => done(t('network.board.posted'))} />}
      {answering && (
        <AnswerDialog
          searchId={answering.id}
          member={answering.memberName}
          onClose={() => setAnswering(null)}
          onAnswered={() => {
            setAnswering(null);
            done(t('network.board.answered', { member: answering.memberName }));
          }}
        />
      )}
      {closing && <ConfirmDialog title={t('network.board.closeTitle')} text={t('network.board.closeText')} confirm={t('network.board.close')} busy={closeResult.fetching} onCancel={() => setClosing(null)} onConfirm={() => void closePost(closing)} />}
    </Stack>
  );
}

function PostCard({ post, mayWrite, onAnswer, onClose }: { post: Post; mayWrite: boolean; onAnswer: () => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { jurisdiction } = useSession();
  const ours = post.jurisdictionId === jurisdiction.id;
  const open = post.status === 'open';
  const headingId = `search-${post.id}`;
  const headline =
    post.kind === 'PARTNER_CITY'
      ? t('network.board.headline.PARTNER_CITY', { member: post.memberName, country: post.country ? countryName(post.country, i18n.resolvedLanguage ?? 'en') : t('network.none') })
      : t('network.board.headline.CO_APPLICANT', { member: post.memberName });
  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-testid={`search-${post.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={3} size="h5" id={headingId}>
          {headline}
        </Title>
        <Group gap="xs" wrap="nowrap">
          {ours && (
            <Badge variant="outline" color="indigo.9">
              {t('network.board.yours')}
            </Badge>
          )}
          <Badge color={open ? FITS : NEUTRAL} data-testid="search-status">
            {t(`network.board.statuses.${open ? 'open' : 'closed'}`)}
          </Badge>
        </Group>
      </Group>
      <Text size="sm" mt={4}>
        {t('network.board.postedAt', { date: formatDate(post.postedAt, jurisdiction) })}
        {post.opportunityId && (
          <>
            {' · '}
            <Anchor component={Link} to={`/funding/opportunities/${encodeURIComponent(post.opportunityId)}`} size="sm">
              {t('network.board.openCall', { id: post.opportunityId })}
            </Anchor>
          </>
        )}
      </Text>
      <Text mt={4} style={{ whiteSpace: 'pre-line' }}>
        {post.description}
      </Text>
      <Text size="sm" fw={600} mt="xs" id={`${headingId}-answers`}>
        {t('network.board.answers')}
      </Text>
      {post.answers.length === 0 ? (
        <Text size="sm">{t('network.board.noAnswers')}</Text>
      ) : (
        <List size="sm" aria-labelledby={`${headingId}-answers`}>
          {post.answers.map((answer) => (
            <List.Item key={`${answer.jurisdictionId}-${answer.at}`} data-testid="search-answer">
              <Text span size="sm" fw={600}>
                {t('network.board.answerBy', { member: answer.memberName, date: formatDate(answer.at, jurisdiction) })}:
              </Text>{' '}
              {answer.message}
            </List.Item>
          ))}
        </List>
      )}
      {mayWrite && open && (
        <Group mt="sm">
          {ours ? (
            <Button size="xs" variant="default" color="red.9" onClick={onClose}>
              {t('network.board.close')}
            </Button>
          ) : (
            <Button size="xs" aria-label={t('network.board.answerOf', { member: post.memberName })} onClick={onAnswer}>
              {t('network.board.answer')}
            </Button>
          )}
        </Group>
      )}
    </Card>
  );
}
