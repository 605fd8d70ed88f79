import { Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { FITS, NEUTRAL, PENDING } from '../colors';
import { formatDate, formatNumber } from '../format';
import { graphql } from '../gql';
import type { JointEffortStatus, JointEffortsQuery as JointEffortsData } from '../gql/graphql';
import { QueryError } from '../query-error';
import { countryName } from '../registry/country-names';
import { GeneralErrors, Notice, Section } from '../registry/feedback';
import { useSession } from '../session';
import { ConfirmDialog } from './confirm-dialog';
import { type ActiveMember, EffortSharesDialog, ProposeEffortDialog } from './joint-effort-form';
import { steersEffort, useNetworkRoles } from './network-roles';

const JointEffortsQuery = graphql(`
  query JointEfforts($networkId: ID!) {
    jointEfforts(networkId: $networkId) {
      id
      kind
      title
      status
      country
      opportunityId
      fromSuggestionKey
      timelineStart
      timelineEnd
      leadJurisdictionId
      participants {
        jurisdictionId
        name
        costShare
        joinedAt
      }
    }
  }
`);

const JoinMutation = graphql(`
  mutation JoinJointEffort($effortId: ID!) {
    joinJointEffort(effortId: $effortId) {
      id
    }
  }
`);

const LeaveMutation = graphql(`
  mutation LeaveJointEffort($effortId: ID!) {
    leaveJointEffort(effortId: $effortId) {
      id
    }
  }
`);

const MoveMutation = graphql(`
  mutation MoveJointEffort($effortId: ID!, $status: JointEffortStatus!) {
    moveJointEffort(effortId: $effortId, status: $status) {
      id
      status
    }
  }
`);

type Effort = JointEffortsData['jointEfforts'][number];

/** Where an effort may go next, as the API allows (forward one step, or withdrawn before completion). */
const NEXT: Record<JointEffortStatus, readonly JointEffortStatus[]> = {
  PROPOSED: ['FORMING', 'WITHDRAWN'],
  FORMING: ['ACTIVE', 'WITHDRAWN'],
  ACTIVE: ['COMPLETED', 'WITHDRAWN'],
  COMPLETED: [],
  WITHDRAWN: [],
};

function statusColor(status: JointEffortStatus): string {
  if (status === 'ACTIVE' || status === 'COMPLETED') return FITS;
  if (status === 'PROPOSED' || status === 'FORMING') return PENDING;
  return NEUTRAL;
}

/**
 * The network's joint efforts, each with its participants' cost shares. A
 * member's admin proposes one (its jurisdiction the lead), joins an effort
 * it was named in or leaves one; the lead's admin or a coordinator moves it
 * along or withdraws it.
 */
export function JointEffortsPanel({ networkId, members, member, coordinator, notice: handedNotice }: { networkId: string; members: readonly ActiveMember[]; member: boolean; coordinator: boolean; notice?: string | null }) {
  const { t } = useTranslation();
  const { jurisdictionAdmin } = useNetworkRoles();
  const [{ data, error }, refetch] = useQuery({ query: JointEffortsQuery, variables: { networkId }, requestPolicy: 'network-only' });
  const [notice, setNotice] = useState<string | null>(handedNotice ?? null);
  const [failure, setFailure] = useState<string[]>([]);
  const [proposing, setProposing] = useState(false);
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const done = (message: string) => {
    setFailure([]);
    setNotice(message);
    refetch({ requestPolicy: 'network-only' });
  };
  const failed = (messages: string[]) => {
    setNotice(null);
    setFailure(messages);
  };
  const memberAdmin = member && jurisdictionAdmin;
  return (
    <Section id="efforts-heading" title={t('network.efforts.title')} testId="joint-efforts">
      <Text size="sm" mb="sm">
        {t('network.efforts.intro')}
      </Text>
      <Notice message={notice} onClose={() => setNotice(null)} />
      <GeneralErrors messages={failure} />
      {memberAdmin && (
        <Group mb="sm">
          <Button onClick={() => setProposing(true)}>{t('network.efforts.propose')}</Button>
        </Group>
      )}
      {data.jointEfforts.length === 0 && <Text>{t('network.efforts.empty')}</Text>}
      <Stack gap="sm">
        {data.jointEfforts.map((effort) => (
          <EffortCard key={effort.id} effort={effort} members={members} memberAdmin={memberAdmin} coordinator={coordinator} onDone={done} onFailed={failed} />
        ))}
      </Stack>
      {proposing && (
        <ProposeEffortDialog
          networkId={networkId}
          members={members}
          onClose={() => setProposing(false)}
          onProposed={(title) => {
            setProposing(false);
            done(t('network.efforts.proposed', { title }));
          }}
        />
      )}
    </Section>
  );
}

type Confirming = { kind: 'leave' } | { kind: 'withdraw' } | { kind: 'invite' } | { kind: 'shares' };

function EffortCard({
  effort,
  members,
  memberAdmin,
  coordinator,
  onDone,
  onFailed,
}: {
  effort: Effort;
  members: readonly ActiveMember[];
  memberAdmin: boolean;
  coordinator: boolean;
  onDone: (message: string) => void;
  onFailed: (messages: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const { jurisdiction } = useSession();
  const [joinResult, join] = useMutation(JoinMutation);
  const [leaveResult, leave] = useMutation(LeaveMutation);
  const [moveResult, move] = useMutation(MoveMutation);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const language = i18n.resolvedLanguage ?? 'en';
  const mine = effort.participants.find((p) => p.jurisdictionId === jurisdiction.id);
  const open = NEXT[effort.status].length > 0;
  const steers = steersEffort(effort, { coordinator, memberAdmin, jurisdictionId: jurisdiction.id });
  // Active members not yet named: the ones the lead's admin or a coordinator may invite.
  const candidates = members.filter((m) => !effort.participants.some((p) => p.jurisdictionId === m.jurisdictionId));
  const share = (value: number) => formatNumber(value, jurisdiction, 2);
  const headingId = `effort-title-${effort.id}`;

  const run = async (answer: Promise<{ error?: { message: string; graphQLErrors: ReadonlyArray<{ message: string }> } }>, message: string) => {
    const result = await answer;
    setConfirming(null);
    if (result.error) return onFailed([result.error.graphQLErrors[0]?.message ?? result.error.message]);
    onDone(message);
  };
  const moveTo = (status: JointEffortStatus) =>
    void run(move({ effortId: effort.id, status }), t('network.efforts.moved', { title: effort.title, status: t(`network.efforts.statuses.${status}`) }));

  const moveButton = (status: JointEffortStatus) => (
    <Button
      key={status}
      size="xs"
      variant={status === 'WITHDRAWN' ? 'default' : 'filled'}
      color={status === 'WITHDRAWN' ? 'red.9' : undefined}
      loading={moveResult.fetching}
      aria-label={t('network.efforts.moveOf', { move: t(`network.efforts.moves.${status}`), title: effort.title })}
      onClick={() => (status === 'WITHDRAWN' ? setConfirming({ kind: 'withdraw' }) : moveTo(status))}
    >
      {t(`network.efforts.moves.${status}`)}
    </Button>
  );

  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-testid={`effort-${effort.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={3} size="h5" id={headingId}>
          {effort.title}
        </Title>
        <Group gap="xs" wrap="nowrap">
          <Badge variant="outline" color="indigo.9">
            {t(`network.efforts.kinds.${effort.kind}`)}
          </Badge>
          <Badge color={statusColor(effort.status)} data-testid="effort-status">
            {t(`network.efforts.statuses.${effort.status}`)}
          </Badge>
        </Group>
      </Group>
      <Text size="sm" mt={4}>
        {[
          effort.country ? t('network.efforts.country', { country: countryName(effort.country, language) }) : null,
          effort.timelineStart ? t('network.efforts.timeline', { from: formatDate(effort.timelineStart, jurisdiction), to: formatDate(effort.timelineEnd ?? effort.timelineStart, jurisdiction) }) : t('network.efforts.noTimeline'),
          effort.opportunityId ? t('network.efforts.call', { id: effort.opportunityId }) : null,
          effort.fromSuggestionKey ? t('network.efforts.fromSuggestion') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      <Text size="sm" fw={600} mt="xs" id={`${headingId}-shares`}>
        {t('network.efforts.shares')}
      </Text>
      <Stack gap={6} mt={4} component="ul" aria-labelledby={`${headingId}-shares`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {effort.participants.map((p) => (
          <li key={p.jurisdictionId} data-testid={`share-${p.jurisdictionId}`}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">
                {p.name}
                {p.jurisdictionId === effort.leadJurisdictionId ? ` (${t('network.efforts.lead')})` : ''}
                {' · '}
                {p.joinedAt ? t('network.efforts.joined') : t('network.efforts.named')}
              </Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {share(p.costShare)} %
              </Text>
            </Group>
            <Progress value={p.costShare} color={p.joinedAt ? FITS : NEUTRAL} size="sm" aria-label={t('network.efforts.shareBar', { name: p.name, share: share(p.costShare) })} />
          </li>
        ))}
      </Stack>
      {mine && memberAdmin && open && (
        <Group mt="sm" gap="xs">
          {!mine.joinedAt && (
            <Button size="xs" loading={joinResult.fetching} aria-label={t('network.efforts.joinOf', { title: effort.title, share: share(mine.costShare) })} onClick={() => void run(join({ effortId: effort.id }), t('network.efforts.joinedNotice', { title: effort.title, share: share(mine.costShare) }))}>
              {t('network.efforts.join', { share: share(mine.costShare) })}
            </Button>
          )}
          {!mine.joinedAt && <Text size="xs">{t('network.efforts.joinHint')}</Text>}
          {effort.leadJurisdictionId !== jurisdiction.id && (
            <Button size="xs" variant="default" aria-label={t('network.efforts.leaveOf', { title: effort.title })} onClick={() => setConfirming({ kind: 'leave' })}>
              {t('network.efforts.leave')}
            </Button>
          )}
        </Group>
      )}
      {steers && open && (
        <Group mt="sm" gap="xs">
          {/* Onward first, then who takes part and at what share, withdrawing last. */}
          {NEXT[effort.status].filter((status) => status !== 'WITHDRAWN').map(moveButton)}
          {candidates.length > 0 && (
            <Button size="xs" variant="default" aria-label={t('network.efforts.inviteOf', { title: effort.title })} onClick={() => setConfirming({ kind: 'invite' })}>
              {t('network.efforts.invite')}
            </Button>
          )}
          <Button size="xs" variant="default" aria-label={t('network.efforts.sharesOf', { title: effort.title })} onClick={() => setConfirming({ kind: 'shares' })}>
            {t('network.efforts.changeShares')}
          </Button>
          {NEXT[effort.status].includes('WITHDRAWN') && moveButton('WITHDRAWN')}
        </Group>
      )}
      {(confirming?.kind === 'invite' || confirming?.kind === 'shares') && (
        <EffortSharesDialog
          effort={effort}
          {...(confirming.kind === 'invite' ? { candidates } : {})}
          onClose={() => setConfirming(null)}
          onDone={(message) => {
            setConfirming(null);
            onDone(message);
          }}
        />
      )}
      {confirming?.kind === 'leave' && (
        <ConfirmDialog
          title={t('network.efforts.leaveTitle', { title: effort.title })}
          text={t('network.efforts.leaveText')}
          confirm={t('network.efforts.leaveConfirm')}
          busy={leaveResult.fetching}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void run(leave({ effortId: effort.id }), t('network.efforts.left', { title: effort.title }))}
        />
      )}
      {confirming?.kind === 'withdraw' && (
        <ConfirmDialog
          title={t('network.efforts.withdrawTitle', { title: effort.title })}
          text={t('network.efforts.withdrawText')}
          confirm={t('network.efforts.moves.WITHDRAWN')}
          busy={moveResult.fetching}
          onCancel={() => setConfirming(null)}
          onConfirm={() => moveTo('WITHDRAWN')}
        />
      )}
    </Card>
  );
}
