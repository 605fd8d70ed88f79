import { Alert, Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Client, useClient, useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { JurisdictionStatus } from '../gql/graphql';
import { QueryError } from '../query-error';
import { ERROR_COLOUR, GeneralErrors, Notice, Section } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { saveFile } from '../save-file';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { ListTable } from './list-table';
import { type HandOver, OneTimePasswordDialog } from './one-time-password';
import { PROFILE_FIELDS, ProfileFields, type ProfileState, profileInputOf, profileStateOf } from './profile-fields';
import { statusColor } from './status';

const JurisdictionsQuery = graphql(`
  query Jurisdictions {
    jurisdictions(first: 100) {
      totalCount
      nodes {
        id
        name
        country
        status
        statusReason
        createdAt
      }
    }
  }
`);

const OnboardMutation = graphql(`
  mutation OnboardJurisdiction($input: OnboardJurisdictionInput!) {
    onboardJurisdiction(input: $input) {
      jurisdiction {
        id
        name
        status
      }
      firstAdmin {
        temporaryPassword
        user {
          id
          username
          firstName
          lastName
        }
      }
    }
  }
`);

const ChangeStatusMutation = graphql(`
  mutation ChangeJurisdictionStatus($id: ID!, $status: JurisdictionStatus!, $reason: String) {
    changeJurisdictionStatus(id: $id, status: $status, reason: $reason) {
      id
      status
      statusReason
    }
  }
`);

const ExportQuery = graphql(`
  query JurisdictionExport($id: ID) {
    jurisdictionExport(id: $id) {
      jurisdictionId
      digest
      exportedAt
      archive
    }
  }
`);

const OffboardMutation = graphql(`
  mutation OffboardJurisdiction($id: ID!, $archiveDigest: String!) {
    offboardJurisdiction(id: $id, archiveDigest: $archiveDigest) {
      id
      status
    }
  }
`);

/** The statuses a platform-admin sets by hand from each one (offboarding has its own, destructive, path). */
const NEXT_STATUSES: Record<JurisdictionStatus, JurisdictionStatus[]> = { ONBOARDING: ['ACTIVE', 'SUSPENDED'], ACTIVE: ['SUSPENDED'], SUSPENDED: ['ACTIVE'], OFFBOARDED: [] };

interface Row {
  id: string;
  name: string;
  status: JurisdictionStatus;
}

/** A current export, saved as a file; its digest is what offboarding asks for. */
async function downloadExport(client: Client, id: string): Promise<string> {
  const answer = await client.query(ExportQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
  if (!answer.data) throw new Error(answer.error?.graphQLErrors[0]?.message ?? answer.error?.message ?? 'no export');
  const { archive, digest, exportedAt } = answer.data.jurisdictionExport;
  saveFile(`${id}-export-${String(exportedAt).slice(0, 10)}.json`, 'application/json', archive);
  return digest;
}

/** Platform-admins: every jurisdiction with its status; onboard one, change its status, download its export, offboard it (typing its id to confirm). */
export default function PlatformPage() {
  const { t } = useTranslation();
  const { auth } = useSession();
  // Nobody else reaches it from the navigation; opened by its address, it says so rather than showing the API's refusal.
  if (!auth.person.roles.includes('platform-admin')) {
    return (
      <>
        <PageTitle>{t('admin.platform.title')}</PageTitle>
        <Alert role="alert" color="gray" variant="light" data-testid="platform-not-available">
          {t('admin.platform.notAvailable')}
        </Alert>
      </>
    );
  }
  return <Platform />;
}

function Platform() {
  const { t } = useTranslation();
  const { jurisdiction: here } = useSession();
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: JurisdictionsQuery });
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const [changing, setChanging] = useState<Row | null>(null);
  const [offboarding, setOffboarding] = useState<Row | null>(null);
  const [handOver, setHandOver] = useState<HandOver | null>(null);
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const exportOne = async (row: Row) => {
    setExporting(row.id);
    setFailure(null);
    try {
      const digest = await downloadExport(client, row.id);
      setNotice(t('admin.platform.exported', { name: row.name, digest: digest.slice(0, 12) }));
    } catch (cause) {
      setFailure(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageTitle>{t('admin.platform.title')}</PageTitle>
      <Stack gap="lg">
        <Notice message={notice} onClose={() => setNotice(null)} />
        <GeneralErrors messages={failure ? [failure] : []} />
        <ListTable
          id="jurisdictions-heading"
          title={t('admin.platform.list', { count: data.jurisdictions.totalCount })}
          testId="jurisdictions"
          minWidth={900}
          columns={[t('admin.platform.columns.name'), t('admin.platform.columns.id'), t('admin.profile.fields.country'), t('admin.platform.columns.status'), t('admin.platform.columns.since'), t('admin.platform.columns.actions')]}
        >
            {data.jurisdictions.nodes.map((row) => (
              <Table.Tr key={row.id} data-testid="jurisdiction-row" data-id={row.id}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{row.id}</Table.Td>
                <Table.Td>{row.country}</Table.Td>
                <Table.Td miw={130}>
                  <Badge variant="outline" color={statusColor(row.status)} data-testid="jurisdiction-status">
                    {t(`admin.statuses.${row.status}`)}
                  </Badge>
                  {row.statusReason && <Text size="xs">{row.statusReason}</Text>}
                </Table.Td>
                <Table.Td>{formatDate(row.createdAt, here)}</Table.Td>
                <Table.Td>
                  {row.status !== 'OFFBOARDED' && (
                    <Group gap="xs">
                      <Anchor component={Link} to={`/admin/jurisdiction?jurisdiction=${encodeURIComponent(row.id)}`} size="sm" aria-label={t('admin.platform.profileOf', { name: row.name })}>
                        {t('admin.platform.profile')}
                      </Anchor>
                      <Anchor component={Link} to={`/admin/users?jurisdiction=${encodeURIComponent(row.id)}`} size="sm" aria-label={t('admin.platform.usersOf', { name: row.name })}>
                        {t('nav.users')}
                      </Anchor>
                      <Button size="xs" variant="default" onClick={() => setChanging(row)} aria-label={t('admin.platform.changeStatusOf', { name: row.name })}>
                        {t('admin.platform.changeStatus')}
                      </Button>
                      <Button size="xs" variant="default" loading={exporting === row.id} onClick={() => void exportOne(row)} aria-label={t('admin.platform.exportOf', { name: row.name })}>
                        {t('admin.platform.export')}
                      </Button>
                      <Button size="xs" variant="outline" color="red.9" onClick={() => setOffboarding(row)} aria-label={t('admin.platform.offboardOf', { name: row.name })}>
                        {t('admin.platform.offboard')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
        </ListTable>

        <Section id="onboard-heading" title={t('admin.platform.onboard')}>
          <OnboardForm
            onOnboarded={(name, invited) => {
              setNotice(t('admin.platform.onboarded', { name }));
              if (invited) setHandOver(invited);
              reload();
            }}
          />
        </Section>
      </Stack>

      <OneTimePasswordDialog handOver={handOver} onClose={() => setHandOver(null)} />
      {changing && (
        <ChangeStatusDialog
          row={changing}
          onClose={() => setChanging(null)}
          onChanged={(status) => {
            setNotice(t('admin.platform.statusChanged', { name: changing.name, status: t(`admin.statuses.${status}`) }));
            setChanging(null);
            reload();
          }}
        />
      )}
      {offboarding && (
        <OffboardDialog
          row={offboarding}
          onClose={() => setOffboarding(null)}
          onOffboarded={() => {
            setNotice(t('admin.platform.offboarded', { name: offboarding.name }));
            setOffboarding(null);
            reload();
          }}
        />
      )}
    </>
  );
}

function ChangeStatusDialog({ row, onClose, onChanged }: { row: Row; onClose: () => void; onChanged: (status: JurisdictionStatus) => void }) {
  const { t } = useTranslation();
  const choices = NEXT_STATUSES[row.status];
  const [status, setStatus] = useState<JurisdictionStatus | null>(choices[0] ?? null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors<'status' | 'reason'>>({ byField: {}, general: [] });
  const [result, change] = useMutation(ChangeStatusMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!status) return;
    const answer = await change({ id: row.id, status, reason: reason.trim() === '' ? null : reason.trim() });
    if (answer.error) setErrors(refusalOf(['status', 'reason'], answer.error));
    else onChanged(status);
  };
  return (
    <Modal opened onClose={onClose} title={t('admin.platform.changeStatusOf', { name: row.name })} closeButtonProps={{ 'aria-label': t('admin.cancel') }}>
      <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('admin.platform.changeStatusOf', { name: row.name })}>
        <Stack gap="sm">
          <Text>{t('admin.platform.currentStatus', { status: t(`admin.statuses.${row.status}`) })}</Text>
          <Select
            id="status-next"
            label={t('admin.platform.newStatus')}
            data={choices.map((value) => ({ value, label: t(`admin.statuses.${value}`) }))}
            value={status}
            onChange={(value) => setStatus(value as JurisdictionStatus | null)}
            allowDeselect={false}
            error={errors.byField.status}
          />
          {status === 'SUSPENDED' && <Text size="sm">{t('admin.platform.suspendHint')}</Text>}
          <Textarea id="status-reason" label={t('admin.platform.reason')} autosize minRows={2} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={errors.byField.reason} />
          <GeneralErrors messages={errors.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('admin.cancel')}
            </Button>
            <Button type="submit" loading={result.fetching} disabled={!status}>
              {t('admin.platform.saveStatus')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Destructive: the platform-admin types the jurisdiction's id; the console downloads a current export and offboards with its digest. */
function OffboardDialog({ row, onClose, onOffboarded }: { row: Row; onClose: () => void; onOffboarded: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, offboard] = useMutation(OffboardMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (typed.trim() !== row.id) {
      setMismatch(t('admin.platform.confirmMismatch', { id: row.id }));
      return;
    }
    setMismatch(undefined);
    setBusy(true);
    try {
      const archiveDigest = await downloadExport(client, row.id);
      const answer = await offboard({ id: row.id, archiveDigest });
      if (answer.error) throw new Error(answer.error.graphQLErrors[0]?.message ?? answer.error.message);
      onOffboarded();
    } catch (cause) {
      setFailure(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('admin.platform.offboardOf', { name: row.name })} closeOnClickOutside={false} size="lg" closeButtonProps={{ 'aria-label': t('admin.cancel') }}>
      <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('admin.platform.offboardOf', { name: row.name })}>
        <Stack gap="sm">
          <Text>{t('admin.platform.offboardWarning', { name: row.name })}</Text>
          <Text>{t('admin.platform.offboardExport')}</Text>
          <TextInput
            id="offboard-confirm"
            label={t('admin.platform.confirmLabel', { id: row.id })}
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            error={mismatch}
            data-autofocus
          />
          <GeneralErrors messages={failure ? [failure] : []} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('admin.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={busy}>
              {t('admin.platform.confirmOffboard')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const ONBOARD_FIELDS = ['id', ...PROFILE_FIELDS, 'firstAdmin.email', 'firstAdmin.firstName', 'firstAdmin.lastName'] as const;
type OnboardField = (typeof ONBOARD_FIELDS)[number];

function OnboardForm({ onOnboarded }: { onOnboarded: (name: string, invited: HandOver | null) => void }) {
  const { t } = useTranslation();
  const empty = { id: '', email: '', firstName: '', lastName: '' };
  const [state, setState] = useState(empty);
  const [profile, setProfile] = useState<ProfileState>(() => profileStateOf());
  const [errors, setErrors] = useState<FieldErrors<OnboardField>>({ byField: {}, general: [] });
  const [result, onboard] = useMutation(OnboardMutation);
  const set = (key: keyof typeof empty, value: string) => setState((previous) => ({ ...previous, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const withAdmin = [state.email, state.firstName, state.lastName].some((text) => text.trim() !== '');
    const answer = await onboard({
      input: {
        id: state.id.trim(),
        ...profileInputOf(profile),
        firstAdmin: withAdmin ? { email: state.email.trim(), firstName: state.firstName.trim(), lastName: state.lastName.trim() } : null,
      },
    });
    if (answer.error) {
      setErrors(refusalOf(ONBOARD_FIELDS, answer.error));
      return;
    }
    if (answer.data) {
      const { jurisdiction, firstAdmin } = answer.data.onboardJurisdiction;
      const name = firstAdmin ? [firstAdmin.user.firstName, firstAdmin.user.lastName].filter(Boolean).join(' ') || firstAdmin.user.username : '';
      onOnboarded(jurisdiction.name, firstAdmin ? { name, username: firstAdmin.user.username, temporaryPassword: firstAdmin.temporaryPassword } : null);
      setState(empty);
      setProfile(profileStateOf());
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('admin.platform.onboard')}>
      <Stack gap="sm" maw={820}>
        <TextInput id="onboard-id" label={t('admin.platform.fields.id')} description={t('admin.platform.hints.id')} required value={state.id} onChange={(event) => set('id', event.currentTarget.value)} error={errors.byField.id} />
        <ProfileFields prefix="onboard" state={profile} onChange={setProfile} errors={errors} />
        <Title order={3} size="h5" mt="sm">
          {t('admin.platform.firstAdmin')}
        </Title>
        <TextInput id="onboard-admin-email" type="email" label={t('admin.users.fields.email')} value={state.email} onChange={(event) => set('email', event.currentTarget.value)} error={errors.byField['firstAdmin.email']} />
        <Group grow align="flex-start">
          <TextInput id="onboard-admin-first-name" label={t('admin.users.fields.firstName')} value={state.firstName} onChange={(event) => set('firstName', event.currentTarget.value)} error={errors.byField['firstAdmin.firstName']} />
          <TextInput id="onboard-admin-last-name" label={t('admin.users.fields.lastName')} value={state.lastName} onChange={(event) => set('lastName', event.currentTarget.value)} error={errors.byField['firstAdmin.lastName']} />
        </Group>
        <GeneralErrors messages={errors.general} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('admin.platform.submitOnboard')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
