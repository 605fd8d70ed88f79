import { Badge, Button, Checkbox, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { FITS, OVER } from '../colors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { QueryError } from '../query-error';
import { ERROR_COLOUR, GeneralErrors, Notice, Section } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { ChooseJurisdiction, useAdminTarget } from './admin-target';
import { ListTable } from './list-table';
import { type HandOver, OneTimePasswordDialog } from './one-time-password';

const UsersQuery = graphql(`
  query JurisdictionUsers($jurisdictionId: ID) {
    jurisdictionUsers(jurisdictionId: $jurisdictionId) {
      id
      username
      email
      firstName
      lastName
      roles
      enabled
      createdAt
    }
  }
`);

const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      temporaryPassword
      user {
        id
        username
        firstName
        lastName
        enabled
      }
    }
  }
`);

const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($userId: ID!) {
    deactivateUser(userId: $userId) {
      id
      enabled
    }
  }
`);

const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($userId: ID!) {
    reactivateUser(userId: $userId) {
      id
      enabled
    }
  }
`);

/** The roles a jurisdiction-admin grants; a platform-admin may also grant regional-coordinator. Nobody grants platform-admin here. */
const GRANTABLE: Role[] = ['JURISDICTION_ADMIN', 'EXECUTIVE', 'STAFF', 'VIEWER'];
const INVITE_FIELDS = ['email', 'firstName', 'lastName', 'roles'] as const;
type InviteField = (typeof INVITE_FIELDS)[number];

interface UserRow {
  id: string;
  username: string;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  roles: readonly Role[];
  enabled: boolean;
  createdAt?: string | null;
}

function nameOf(user: { username: string; firstName?: string | null; lastName?: string | null }): string {
  return [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;
}

/** The jurisdiction's users: roles and status; invite (the one-time password shown once), deactivate (after a confirmation), reactivate. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { jurisdictionId, mustChoose } = useAdminTarget();
  if (mustChoose) return <ChooseJurisdiction title={t('nav.users')} />;
  return <Users jurisdictionId={jurisdictionId} />;
}

function Users({ jurisdictionId }: { jurisdictionId: string | undefined }) {
  const { t } = useTranslation();
  const { auth, jurisdiction } = useSession();
  const [{ data, error }, refetch] = useQuery({ query: UsersQuery, variables: { jurisdictionId } });
  const [notice, setNotice] = useState<string | null>(null);
  const [handOver, setHandOver] = useState<HandOver | null>(null);
  const [confirming, setConfirming] = useState<UserRow | null>(null);
  const [deactivateResult, deactivate] = useMutation(DeactivateUserMutation);
  const [reactivateResult, reactivate] = useMutation(ReactivateUserMutation);
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const self = auth.person.username.toLowerCase();
  const actionError = deactivateResult.error ?? reactivateResult.error;

  const confirmDeactivation = async () => {
    if (!confirming) return;
    const user = confirming;
    const answer = await deactivate({ userId: user.id });
    setConfirming(null);
    if (answer.data) {
      setNotice(t('admin.users.deactivated', { name: nameOf(user) }));
      reload();
    }
  };
  const reactivateUser = async (user: UserRow) => {
    const answer = await reactivate({ userId: user.id });
    if (answer.data) {
      setNotice(t('admin.users.reactivated', { name: nameOf(user) }));
      reload();
    }
  };

  return (
    <>
      <PageTitle>{jurisdictionId ? t('admin.users.titleOf', { id: jurisdictionId }) : t('nav.users')}</PageTitle>
      <Stack gap="lg">
        <Notice message={notice} onClose={() => setNotice(null)} />
        {actionError && <QueryError error={actionError} />}
        <ListTable
          id="users-heading"
          title={t('admin.users.list', { count: data.jurisdictionUsers.length })}
          testId="users"
          minWidth={720}
          columns={[t('admin.users.columns.name'), t('admin.users.columns.username'), t('admin.users.columns.roles'), t('admin.users.columns.status'), t('admin.users.columns.since'), t('admin.users.columns.actions')]}
        >
            {data.jurisdictionUsers.map((user) => (
              <Table.Tr key={user.id} data-testid="user-row" data-username={user.username}>
                <Table.Td>{nameOf(user)}</Table.Td>
                <Table.Td>{user.username}</Table.Td>
                <Table.Td>{user.roles.map((role) => t(`admin.roles.${role}`)).join(', ')}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={user.enabled ? FITS : OVER} data-testid="user-status">
                    {user.enabled ? t('admin.users.active') : t('admin.users.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>{user.createdAt ? formatDate(user.createdAt, jurisdiction) : ''}</Table.Td>
                <Table.Td>
                  {user.username.toLowerCase() === self ? (
                    <Text size="sm">{t('admin.users.you')}</Text>
                  ) : user.enabled ? (
                    <Button size="xs" variant="outline" color="red.9" onClick={() => setConfirming(user)} aria-label={t('admin.users.deactivateNamed', { name: nameOf(user) })}>
                      {t('admin.users.deactivate')}
                    </Button>
                  ) : (
                    <Button size="xs" variant="default" loading={reactivateResult.fetching} onClick={() => void reactivateUser(user)} aria-label={t('admin.users.reactivateNamed', { name: nameOf(user) })}>
                      {t('admin.users.reactivate')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
        </ListTable>

        <Section id="invite-heading" title={t('admin.users.invite')}>
          <InviteForm
            jurisdictionId={jurisdictionId}
            onInvited={(invited) => {
              setHandOver(invited);
              setNotice(t('admin.users.invited', { name: invited.name }));
              reload();
            }}
          />
        </Section>
      </Stack>

      <OneTimePasswordDialog handOver={handOver} onClose={() => setHandOver(null)} />
      {confirming && (
        <Modal opened onClose={() => setConfirming(null)} title={t('admin.users.confirmTitle', { name: nameOf(confirming) })} closeButtonProps={{ 'aria-label': t('admin.cancel') }}>
          <Stack gap="md">
            <Text>{t('admin.users.confirmText')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('admin.cancel')}
              </Button>
              <Button color="red.9" loading={deactivateResult.fetching} onClick={() => void confirmDeactivation()}>
                {t('admin.users.confirmDeactivate')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}

function InviteForm({ jurisdictionId, onInvited }: { jurisdictionId: string | undefined; onInvited: (handOver: HandOver) => void }) {
  const { t } = useTranslation();
  const platformAdmin = useSession().auth.person.roles.includes('platform-admin');
  const empty = { email: '', firstName: '', lastName: '', roles: ['STAFF'] as string[] };
  const [state, setState] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors<InviteField>>({ byField: {}, general: [] });
  const [result, invite] = useMutation(InviteUserMutation);
  const grantable: Role[] = platformAdmin ? [...GRANTABLE, 'REGIONAL_COORDINATOR'] : GRANTABLE;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const answer = await invite({ input: { email: state.email.trim(), firstName: state.firstName.trim(), lastName: state.lastName.trim(), roles: state.roles as Role[], jurisdictionId } });
    if (answer.error) {
      setErrors(refusalOf(INVITE_FIELDS, answer.error));
      return;
    }
    if (answer.data) {
      const { user, temporaryPassword } = answer.data.inviteUser;
      onInvited({ name: nameOf(user), username: user.username, temporaryPassword });
      setState(empty);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('admin.users.invite')}>
      <Stack gap="sm" maw={640}>
        <TextInput id="invite-email" type="email" label={t('admin.users.fields.email')} description={t('admin.users.hints.email')} required value={state.email} onChange={(event) => setState({ ...state, email: event.currentTarget.value })} error={errors.byField.email} />
        <Group grow align="flex-start">
          <TextInput id="invite-first-name" label={t('admin.users.fields.firstName')} required value={state.firstName} onChange={(event) => setState({ ...state, firstName: event.currentTarget.value })} error={errors.byField.firstName} />
          <TextInput id="invite-last-name" label={t('admin.users.fields.lastName')} required value={state.lastName} onChange={(event) => setState({ ...state, lastName: event.currentTarget.value })} error={errors.byField.lastName} />
        </Group>
        <Checkbox.Group id="invite-roles" label={t('admin.users.fields.roles')} value={state.roles} onChange={(roles) => setState({ ...state, roles })} error={errors.byField.roles}>
          <Group mt="xs">
            {grantable.map((role) => (
              <Checkbox key={role} value={role} label={t(`admin.roles.${role}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <GeneralErrors messages={errors.general} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('admin.users.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
