import { Badge, Button, Group, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { graphql } from '../gql';
import { QueryError } from '../query-error';
import { GeneralErrors, Notice } from '../registry/feedback';
import { RecordNotFound } from '../registry/not-found';
import { PageTitle } from '../shell';
import { DashboardPanel } from './dashboard-panel';
import { MembersPanel } from './members-panel';
import { AcceptInvitationMutation, LeaveNetworkMutation } from './network-queries';
import { useNetworkRoles } from './network-roles';
import { membershipColor } from './networks-page';
import { SharedDataPanel } from './shared-data-panel';
import { SharingPanel } from './sharing-panel';
import { JointEffortsPanel } from './joint-efforts-panel';
import { PartnerBoardPanel } from './partner-board-panel';
import { SuggestionsPanel } from './suggestions-panel';

const NetworkQuery = graphql(`
  query Network($id: ID!) {
    network(id: $id) {
      id
      name
      description
      coordinatorUserIds
      myMembership
      iCoordinate
      createdAt
      members {
        jurisdictionId
        name
        status
        joinedAt
      }
    }
  }
`);

const TABS = ['members', 'sharing', 'shared', 'dashboard', 'suggestions', 'efforts', 'board'] as const;
type Tab = (typeof TABS)[number];

/** One network at its own address (/network/:id/:tab): members, the member's sharing settings, what members share, the dashboard, suggestions, joint efforts, the seeking-partners board. */
export default function NetworkPage() {
  const { t } = useTranslation();
  const { id = '', tab } = useParams();
  const navigate = useNavigate();
  const roles = useNetworkRoles();
  const [{ data, error }, refetch] = useQuery({ query: NetworkQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [, accept] = useMutation(AcceptInvitationMutation);
  const [leaveResult, leave] = useMutation(LeaveNetworkMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string[]>([]);
  const [leaving, setLeaving] = useState(false);
  // What a proposal from a suggestion says, shown on the joint efforts tab it leads to.
  const [effortNotice, setEffortNotice] = useState<string | null>(null);
  if (error?.graphQLErrors.some((e) => e.extensions?.['code'] === 'NOT_FOUND' || e.extensions?.['code'] === 'BAD_USER_INPUT')) {
    return <RecordNotFound title={t('network.page.notFoundTitle')} message={t('network.page.notFound')} back={t('network.page.back')} to="/network" testId="network-not-found" />;
  }
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const network = data.network;
  const member = network.myMembership === 'ACTIVE';
  const reader = member || network.iCoordinate;
  const activeMembers = network.members.filter((m) => m.status === 'ACTIVE');
  const available = TABS.filter((key) => key === 'members' || (key === 'sharing' ? network.myMembership !== null && network.myMembership !== undefined : reader));
  const fallback: Tab = network.iCoordinate && !member ? 'dashboard' : member ? 'sharing' : 'members';
  const current: Tab = available.includes(tab as Tab) ? (tab as Tab) : fallback;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const act = async (run: () => Promise<{ error?: { message: string; graphQLErrors: ReadonlyArray<{ message: string }> } }>, message: string) => {
    const result = await run();
    if (result.error) return setFailure([result.error.graphQLErrors[0]?.message ?? result.error.message]);
    setFailure([]);
    setNotice(message);
    reload();
  };

  // A jurisdiction that left no longer opens the network: back to the list, which says so.
  const leaveNetwork = async (message: string) => {
    const result = await leave({ networkId: id });
    setLeaving(false);
    if (result.error) return setFailure([result.error.graphQLErrors[0]?.message ?? result.error.message]);
    void navigate('/network', { state: { notice: message } });
  };

  return (
    <>
      <PageTitle>{network.name}</PageTitle>
      <Stack gap="md">
        {network.description && <Text>{network.description}</Text>}
        <Group gap="sm">
          {network.myMembership && <Badge color={membershipColor(network.myMembership)}>{t('network.page.yourMembership', { status: t(`network.membership.${network.myMembership}`) })}</Badge>}
          {network.iCoordinate && <Text size="sm">{t('network.page.youCoordinate')}</Text>}
          {network.myMembership === 'INVITED' && roles.jurisdictionAdmin && (
            <>
              <Button size="xs" onClick={() => void act(() => accept({ networkId: id }), t('network.list.accepted', { name: network.name }))}>
                {t('network.list.acceptOf', { name: network.name })}
              </Button>
              <Button size="xs" variant="default" onClick={() => void leaveNetwork(t('network.list.declined', { name: network.name }))}>
                {t('network.list.decline')}
              </Button>
            </>
          )}
          {network.myMembership === 'INVITED' && !roles.jurisdictionAdmin && <Text size="sm">{t('network.members.acceptHint')}</Text>}
          {member && roles.jurisdictionAdmin && (
            <Button size="xs" variant="default" color="red.9" onClick={() => setLeaving(true)}>
              {t('network.members.leave')}
            </Button>
          )}
        </Group>
        <Notice message={notice} onClose={() => setNotice(null)} />
        <GeneralErrors messages={failure} />
        <Tabs
          value={current}
          onChange={(value) => {
            setEffortNotice(null);
            if (value) void navigate(`/network/${id}/${value}`);
          }}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('network.page.tabsLabel')}>
            {available.map((key) => (
              <Tabs.Tab key={key} value={key}>
                {t(`network.page.tabs.${key}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {/* Only the panels of the tabs shown: a panel is labelled by its tab. */}
          <Tabs.Panel value="members" pt="md">
            <MembersPanel network={network} mayInvite={network.iCoordinate || roles.platformAdmin} onChanged={reload} />
          </Tabs.Panel>
          {available.includes('sharing') && (
            <Tabs.Panel value="sharing" pt="md">
              <SharingPanel networkId={id} networkName={network.name} member={member} />
            </Tabs.Panel>
          )}
          {reader && (
            <Tabs.Panel value="shared" pt="md">
              <SharedDataPanel networkId={id} />
            </Tabs.Panel>
          )}
          {reader && (
            <Tabs.Panel value="dashboard" pt="md">
              <DashboardPanel networkId={id} />
            </Tabs.Panel>
          )}
          {reader && (
            <Tabs.Panel value="suggestions" pt="md">
              <SuggestionsPanel
                networkId={id}
                mayDismiss={network.iCoordinate || (member && roles.jurisdictionAdmin)}
                mayPropose={member && roles.jurisdictionAdmin}
                onProposed={(title) => {
                  setEffortNotice(t('network.efforts.proposed', { title }));
                  void navigate(`/network/${id}/efforts`);
                }}
              />
            </Tabs.Panel>
          )}
          {reader && (
            <Tabs.Panel value="efforts" pt="md">
              <JointEffortsPanel networkId={id} members={activeMembers} member={member} coordinator={network.iCoordinate} notice={effortNotice} />
            </Tabs.Panel>
          )}
          {reader && (
            <Tabs.Panel value="board" pt="md">
              <PartnerBoardPanel networkId={id} member={member} />
            </Tabs.Panel>
          )}
        </Tabs>
      </Stack>
      {leaving && (
        <Modal opened onClose={() => setLeaving(false)} title={t('network.members.leaveTitle', { name: network.name })} closeButtonProps={{ 'aria-label': t('network.cancel') }}>
          <Stack gap="md">
            <Text>{t('network.members.leaveText')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setLeaving(false)}>
                {t('network.cancel')}
              </Button>
              <Button
                color="red.9"
                loading={leaveResult.fetching}
                onClick={() => void leaveNetwork(t('network.members.left', { name: network.name }))}
              >
                {t('network.members.leaveConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}
