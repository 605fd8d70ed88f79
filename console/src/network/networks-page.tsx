import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { FITS, NEUTRAL, PENDING } from '../colors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { NetworkMembershipStatus } from '../gql/graphql';
import { QueryError } from '../query-error';
import { ERROR_COLOUR, GeneralErrors, Notice } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { RecordTable } from '../registry/record-table';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { DialogActions } from './confirm-dialog';
import { AcceptInvitationMutation, LeaveNetworkMutation, NetworksQuery } from './network-queries';
import { useNetworkRoles } from './network-roles';

const CreateNetworkMutation = graphql(`
  mutation CreateNetwork($input: CreateNetworkInput!) {
    createNetwork(input: $input) {
      id
      name
    }
  }
`);

export function membershipColor(status: NetworkMembershipStatus): string {
  if (status === 'ACTIVE') return FITS;
  if (status === 'INVITED') return PENDING;
  return NEUTRAL;
}

/** The networks the person's jurisdiction is in or invited to and those they coordinate; invitations accepted or declined here. */
export default function NetworksPage() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const roles = useNetworkRoles();
  const [{ data, error }, refetch] = useQuery({ query: NetworksQuery, requestPolicy: 'cache-and-network' });
  const [, accept] = useMutation(AcceptInvitationMutation);
  const [, leave] = useMutation(LeaveNetworkMutation);
  // A notice handed over by the screen that sent the person here (leaving a network).
  const handedOver = (useLocation().state as { notice?: string } | null)?.notice ?? null;
  const [notice, setNotice] = useState<string | null>(handedOver);
  const [failure, setFailure] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;

  const answer = async (networkId: string, name: string, yes: boolean) => {
    const result = yes ? await accept({ networkId }) : await leave({ networkId });
    if (result.error) return setFailure([result.error.graphQLErrors[0]?.message ?? result.error.message]);
    setFailure([]);
    setNotice(t(yes ? 'network.list.accepted' : 'network.list.declined', { name }));
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <>
      <PageTitle>{t('network.list.title')}</PageTitle>
      <Stack gap="md">
        <Text>{t('network.list.intro')}</Text>
        <Notice message={notice} onClose={() => setNotice(null)} />
        <GeneralErrors messages={failure} />
        {roles.mayCreate && (
          <Group>
            <Button onClick={() => setCreating(true)}>{t('network.list.create')}</Button>
          </Group>
        )}
        {data.networks.length === 0 ? (
          <Text data-testid="networks-empty">{t('network.list.empty')}</Text>
        ) : (
          <RecordTable
            testId="networks"
            minWidth={720}
            columns={[{ label: t('network.list.columns.name') }, { label: t('network.list.columns.membership') }, { label: t('network.list.columns.role') }, { label: t('network.list.columns.created') }, { label: '' }]}
          >
            {data.networks.map((network) => (
              <Table.Tr key={network.id} data-testid={`network-${network.id}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/network/${network.id}`} aria-label={t('network.list.open', { name: network.name })}>
                    {network.name}
                  </Anchor>
                  {network.description && (
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {network.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{network.myMembership ? <Badge color={membershipColor(network.myMembership)}>{t(`network.membership.${network.myMembership}`)}</Badge> : t('network.none')}</Table.Td>
                <Table.Td>{network.iCoordinate ? <Badge variant="outline" color="indigo.9">{t('network.list.coordinator')}</Badge> : t('network.none')}</Table.Td>
                <Table.Td>{formatDate(network.createdAt, jurisdiction)}</Table.Td>
                <Table.Td>
                  {network.myMembership === 'INVITED' && roles.jurisdictionAdmin && (
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" aria-label={t('network.list.acceptOf', { name: network.name })} onClick={() => void answer(network.id, network.name, true)}>
                        {t('network.list.accept')}
                      </Button>
                      <Button size="xs" variant="default" aria-label={t('network.list.declineOf', { name: network.name })} onClick={() => void answer(network.id, network.name, false)}>
                        {t('network.list.decline')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </RecordTable>
        )}
      </Stack>
      {creating && (
        <CreateNetworkDialog
          onClose={() => setCreating(false)}
          onCreated={(name) => {
            setCreating(false);
            setNotice(t('network.list.created', { name }));
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </>
  );
}

const CREATE_FIELDS = ['name', 'description', 'coordinatorUserIds'] as const;
type CreateField = (typeof CREATE_FIELDS)[number];

function CreateNetworkDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState({ name: '', description: '', coordinators: '' });
  const [errors, setErrors] = useState<FieldErrors<CreateField>>({ byField: {}, general: [] });
  const [result, create] = useMutation(CreateNetworkMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const coordinatorUserIds = state.coordinators
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const answer = await create({ input: { name: state.name, ...(state.description.trim() ? { description: state.description } : {}), ...(coordinatorUserIds.length ? { coordinatorUserIds } : {}) } });
    if (answer.error) return setErrors(refusalOf(CREATE_FIELDS, answer.error));
    onCreated(answer.data?.createNetwork.name ?? state.name);
  };
  return (
    <Modal opened onClose={onClose} title={t('network.list.createTitle')} closeButtonProps={{ 'aria-label': t('network.cancel') }}>
      <form onSubmit={(event) => void submit(event)} aria-label={t('network.list.createTitle')} style={ERROR_COLOUR}>
        <Stack gap="sm">
          <TextInput id="network-name" label={t('network.list.fields.name')} required value={state.name} error={errors.byField.name} onChange={(e) => setState({ ...state, name: e.currentTarget.value })} />
          <Textarea label={t('network.list.fields.description')} autosize minRows={2} value={state.description} error={errors.byField.description} onChange={(e) => setState({ ...state, description: e.currentTarget.value })} />
          <TextInput
            label={t('network.list.fields.coordinators')}
            description={t('network.list.hints.coordinators')}
            value={state.coordinators}
            error={errors.byField.coordinatorUserIds}
            onChange={(e) => setState({ ...state, coordinators: e.currentTarget.value })}
          />
          <GeneralErrors messages={errors.general} />
          <DialogActions label={t('network.list.createSubmit')} busy={result.fetching} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
