import { Anchor, Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { PENDING, WARNING_TEXT } from '../colors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { RelationshipFieldsFragment, RelationshipStatus, RelationshipType } from '../gql/graphql';
import { QueryError } from '../query-error';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { ERROR_COLOUR, GeneralErrors, Notice, Section } from './feedback';
import { type FieldErrors, refusalOf } from './field-errors';
import { RecordNotFound } from './not-found';
import { PartnerChoicesQuery, partnerChoice } from './partner-choices';
import { RecordHistory } from './record-history';
import { RecordTable } from './record-table';
import { RELATIONSHIP_STATUSES, RELATIONSHIP_TRANSITIONS, relationshipStatusColor } from './record-status';
import { useRegistryRoles } from './registry-roles';

graphql(`
  fragment RelationshipFields on Relationship {
    id
    partnerId
    partnerName
    partnerCountry
    type
    status
    since
    until
    formalBasis
    politicalCycle
    politicalChampion
    technicalOwner
    leadDepartment
    lastEngagementAt
    updatedAt
  }
`);

const RelationshipsQuery = graphql(`
  query Relationships($status: RelationshipStatus) {
    relationships(first: 100, status: $status) {
      totalCount
      nodes {
        ...RelationshipFields
      }
    }
    dormantRelationships(first: 100) {
      totalCount
      nodes {
        id
        partnerName
        partnerCountry
        since
        lastEngagementAt
      }
    }
  }
`);

const EstablishRelationshipMutation = graphql(`
  mutation EstablishRelationship($input: EstablishRelationshipInput!) {
    establishRelationship(input: $input) {
      id
      partnerName
    }
  }
`);

const ChangeRelationshipStatusMutation = graphql(`
  mutation ChangeRelationshipStatus($id: ID!, $status: RelationshipStatus!, $reason: String) {
    changeRelationshipStatus(id: $id, status: $status, reason: $reason) {
      id
      status
      updatedAt
    }
  }
`);

const RELATIONSHIP_TYPES: RelationshipType[] = ['SISTER_CITY', 'SISTER_STATE', 'FRIENDSHIP', 'MOU', 'TRADE_OFFICE', 'INSTITUTIONAL_PARTNERSHIP', 'NETWORK_MEMBERSHIP'];
const TEXT_FIELDS = ['formalBasis', 'politicalCycle', 'politicalChampion', 'technicalOwner', 'leadDepartment'] as const;
const RELATIONSHIP_FIELDS = ['partnerId', 'type', 'status', 'since', 'until', ...TEXT_FIELDS] as const;
type RelationshipField = (typeof RELATIONSHIP_FIELDS)[number];
const STATUS_FIELDS = ['status', 'reason'] as const;

export default function RelationshipsPage() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const { id } = useParams();
  const navigate = useNavigate();
  const { mayEdit } = useRegistryRoles();
  const [status, setStatus] = useState<RelationshipStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: RelationshipsQuery, variables: { status } });
  // The detail looks the relationship up among all of them, whatever the filter shows.
  const [all, refetchAll] = useQuery({ query: RelationshipsQuery, variables: { status: null }, pause: !id });
  if (error) return <QueryError error={error} />;
  if (all.error) return <QueryError error={all.error} />;
  if (!data || (id && !all.data)) return <Busy />;
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    if (id) refetchAll({ requestPolicy: 'network-only' });
  };
  const dormantIds = new Set(data.dormantRelationships.nodes.map((relationship) => relationship.id));
  const opened = id ? all.data?.relationships.nodes.find((relationship) => relationship.id === id) : undefined;
  if (id && !opened) {
    return <RecordNotFound title={t('relationships.title')} message={t('relationships.notFound')} back={t('relationships.backToList')} to="/registry/relationships" testId="relationship-not-found" />;
  }
  const since = (day: string | null | undefined) => (day ? formatDate(day, jurisdiction) : '');

  return (
    <>
      <PageTitle>{t('relationships.title')}</PageTitle>
      <Stack gap="lg">
        <Notice message={notice} onClose={() => setNotice(null)} />
        <Section id="dormant-heading" title={t('relationships.dormant', { count: data.dormantRelationships.totalCount })} testId="dormant-ties">
          {data.dormantRelationships.nodes.length === 0 ? (
            <Text>{t('relationships.noDormant')}</Text>
          ) : (
            <>
              <Text size="sm" mb="xs">
                {t('relationships.dormantHint')}
              </Text>
              <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {data.dormantRelationships.nodes.map((relationship) => (
                  <Group key={relationship.id} component="li" gap="xs" data-testid="dormant-tie">
                    <Anchor component={Link} to={`/registry/relationships/${relationship.id}`}>
                      {relationship.partnerName}
                    </Anchor>
                    <Text size="sm" c={WARNING_TEXT}>
                      {relationship.lastEngagementAt ? t('glance.lastEngagement', { date: since(relationship.lastEngagementAt) }) : t('glance.neverEngaged')}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </>
          )}
        </Section>

        <section aria-labelledby="relationships-heading">
          <Title order={2} size="h4" id="relationships-heading" mb="xs">
            {t('relationships.list', { count: data.relationships.totalCount })}
          </Title>
          <Select
            label={t('relationships.filter')}
            data={[{ value: '', label: t('relationships.allStatuses') }, ...RELATIONSHIP_STATUSES.map((value) => ({ value, label: t(`enums.RelationshipStatus.${value}`) }))]}
            value={status ?? ''}
            onChange={(value) => setStatus(value ? (value as RelationshipStatus) : null)}
            allowDeselect={false}
            maw={240}
            mb="sm"
          />
          {data.relationships.nodes.length === 0 ? (
            <Text>{t('relationships.none')}</Text>
          ) : (
            <RecordTable
              testId="relationships"
              minWidth={720}
              columns={[
                { label: t('relationships.columns.partner') },
                { label: t('relationships.columns.type') },
                { label: t('relationships.columns.status') },
                { label: t('relationships.columns.since') },
                { label: t('relationships.columns.lastEngagement') },
              ]}
            >
                  {data.relationships.nodes.map((relationship) => (
                    <Table.Tr key={relationship.id} data-testid="relationship-row" data-dormant={dormantIds.has(relationship.id) || undefined}>
                      <Table.Td>
                        <Anchor component={Link} to={`/registry/relationships/${relationship.id}`} aria-label={t('relationships.openNamed', { name: relationship.partnerName })}>
                          {relationship.partnerName}
                        </Anchor>
                        {relationship.partnerCountry && <Text span size="sm">{` (${relationship.partnerCountry})`}</Text>}
                      </Table.Td>
                      <Table.Td>{t(`recordEnums.RelationshipType.${relationship.type}`)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <StatusBadge status={relationship.status} />
                          {dormantIds.has(relationship.id) && (
                            <Badge variant="outline" color={PENDING}>
                              {t('relationships.dormantBadge')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>{since(relationship.since)}</Table.Td>
                      <Table.Td>{relationship.lastEngagementAt ? since(relationship.lastEngagementAt) : t('relationships.never')}</Table.Td>
                    </Table.Tr>
                  ))}
            </RecordTable>
          )}
        </section>

        {mayEdit && (
          <Section id="establish-heading" title={t('relationships.establish')}>
            <EstablishForm
              onSaved={(name) => {
                setNotice(t('relationships.established', { name }));
                reload();
              }}
            />
          </Section>
        )}
      </Stack>

      {opened && (
        <Modal opened onClose={() => void navigate('/registry/relationships')} title={t('relationships.detail', { name: opened.partnerName })} size="xl" closeButtonProps={{ 'aria-label': t('assets.close') }}>
          <RelationshipDetail
            relationship={opened}
            dormant={dormantIds.has(opened.id)}
            mayEdit={mayEdit}
            onChanged={(to) => {
              setNotice(t('relationships.statusChanged', { name: opened.partnerName, status: t(`enums.RelationshipStatus.${to}`) }));
              reload();
            }}
          />
        </Modal>
      )}
    </>
  );
}

function StatusBadge({ status }: { status: RelationshipStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={relationshipStatusColor(status)} data-testid="relationship-status">
      {t(`enums.RelationshipStatus.${status}`)}
    </Badge>
  );
}

function RelationshipDetail({ relationship, dormant, mayEdit, onChanged }: { relationship: RelationshipFieldsFragment; dormant: boolean; mayEdit: boolean; onChanged: (to: RelationshipStatus) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const day = (value: string | null | undefined) => (value ? formatDate(value, jurisdiction) : '—');
  const facts: Array<[string, string]> = [
    [t('relationships.fields.type'), t(`recordEnums.RelationshipType.${relationship.type}`)],
    [t('relationships.fields.since'), day(relationship.since)],
    [t('relationships.fields.until'), day(relationship.until)],
    [t('relationships.columns.lastEngagement'), relationship.lastEngagementAt ? day(relationship.lastEngagementAt) : t('relationships.never')],
    ...TEXT_FIELDS.map((field): [string, string] => [t(`relationships.fields.${field}`), relationship[field] ?? '—']),
  ];
  return (
    <Stack gap="sm" data-testid="relationship-details">
      <Group gap="xs">
        <StatusBadge status={relationship.status} />
        {dormant && (
          <Badge variant="outline" color={PENDING}>
            {t('relationships.dormantBadge')}
          </Badge>
        )}
        {relationship.partnerCountry && <Text size="sm">{relationship.partnerCountry}</Text>}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" style={{ margin: 0 }}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" fw={600}>
              {label}
            </Text>
            <Text component="dd" m={0}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Group gap="md">
        <Anchor component={Link} to={`/registry/partners/${relationship.partnerId}`}>
          {t('relationships.partnerProfile')}
        </Anchor>
        {mayEdit && (
          <Anchor component={Link} to={`/registry/engagements?relationship=${relationship.id}`}>
            {t('relationships.logEngagement', { name: relationship.partnerName })}
          </Anchor>
        )}
      </Group>
      {mayEdit && <StatusForm key={`status-${relationship.updatedAt}`} relationship={relationship} onChanged={onChanged} />}
      <RecordHistory key={`history-${relationship.updatedAt}`} id={relationship.id} />
    </Stack>
  );
}

function StatusForm({ relationship, onChanged }: { relationship: RelationshipFieldsFragment; onChanged: (to: RelationshipStatus) => void }) {
  const { t } = useTranslation();
  const allowed = RELATIONSHIP_TRANSITIONS[relationship.status];
  const [to, setTo] = useState<RelationshipStatus | null>(allowed[0] ?? null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors<(typeof STATUS_FIELDS)[number]>>({ byField: {}, general: [] });
  const [result, changeStatus] = useMutation(ChangeRelationshipStatusMutation);
  if (allowed.length === 0 || !to) return <Text size="sm">{t('relationships.endedStays')}</Text>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const answer = await changeStatus({ id: relationship.id, status: to, reason: reason.trim() === '' ? null : reason.trim() });
    if (answer.error) setErrors(refusalOf(STATUS_FIELDS, answer.error));
    else onChanged(to);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('relationships.changeStatus')}>
      <Title order={3} size="h5" mb="xs">
        {t('relationships.changeStatus')}
      </Title>
      <Stack gap="sm">
        <Select
          id="relationship-new-status"
          label={t('relationships.newStatus')}
          data={allowed.map((value) => ({ value, label: t(`enums.RelationshipStatus.${value}`) }))}
          value={to}
          onChange={(value) => value && setTo(value as RelationshipStatus)}
          allowDeselect={false}
          error={errors.byField.status}
          maw={280}
        />
        <Textarea id="relationship-reason" label={t('relationships.reason')} description={t('relationships.reasonHint')} autosize minRows={2} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={errors.byField.reason} />
        <GeneralErrors messages={errors.general} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('relationships.saveStatus')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface EstablishState {
  partnerId: string | null;
  type: RelationshipType;
  status: RelationshipStatus;
  since: string;
  until: string;
  formalBasis: string;
  politicalCycle: string;
  politicalChampion: string;
  technicalOwner: string;
  leadDepartment: string;
}

const EMPTY: EstablishState = { partnerId: null, type: 'SISTER_CITY', status: 'PROSPECTIVE', since: '', until: '', formalBasis: '', politicalCycle: '', politicalChampion: '', technicalOwner: '', leadDepartment: '' };

function EstablishForm({ onSaved }: { onSaved: (name: string) => void }) {
  const { t } = useTranslation();
  const [{ data: partners, error: partnersError }] = useQuery({ query: PartnerChoicesQuery });
  const [state, setState] = useState<EstablishState>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<RelationshipField>>({ byField: {}, general: [] });
  const [result, establish] = useMutation(EstablishRelationshipMutation);
  const set = <K extends keyof EstablishState>(key: K, value: EstablishState[K]) => setState((previous) => ({ ...previous, [key]: value }));
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  if (partnersError) return <QueryError error={partnersError} />;
  if (!partners) return <Busy />;
  if (partners.partners.nodes.length === 0) return <Text>{t('relationships.noPartners')}</Text>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const answer = await establish({
      input: {
        partnerId: state.partnerId ?? '',
        type: state.type,
        status: state.status,
        since: optional(state.since),
        until: optional(state.until),
        ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, optional(state[field])])),
      },
    });
    if (answer.error) {
      setErrors(refusalOf(RELATIONSHIP_FIELDS, answer.error));
      return;
    }
    if (answer.data) {
      onSaved(answer.data.establishRelationship.partnerName);
      setState(EMPTY);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('relationships.establish')}>
      <Stack gap="sm" maw={720}>
        <Group grow align="flex-start">
          <Select
            id="relationship-partner"
            label={t('relationships.fields.partnerId')}
            required
            searchable
            data={partners.partners.nodes.map(partnerChoice)}
            value={state.partnerId}
            onChange={(value) => set('partnerId', value)}
            error={errors.byField.partnerId}
          />
          <Select
            id="relationship-type"
            label={t('relationships.fields.type')}
            data={RELATIONSHIP_TYPES.map((value) => ({ value, label: t(`recordEnums.RelationshipType.${value}`) }))}
            value={state.type}
            onChange={(value) => value && set('type', value as RelationshipType)}
            allowDeselect={false}
            error={errors.byField.type}
          />
          <Select
            id="relationship-status"
            label={t('relationships.fields.status')}
            data={RELATIONSHIP_STATUSES.map((value) => ({ value, label: t(`enums.RelationshipStatus.${value}`) }))}
            value={state.status}
            onChange={(value) => value && set('status', value as RelationshipStatus)}
            allowDeselect={false}
            error={errors.byField.status}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput id="relationship-since" label={t('relationships.fields.since')} description={t('relationships.hints.date')} placeholder="YYYY-MM-DD" value={state.since} onChange={(event) => set('since', event.currentTarget.value)} error={errors.byField.since} />
          <TextInput id="relationship-until" label={t('relationships.fields.until')} description={t('relationships.hints.date')} placeholder="YYYY-MM-DD" value={state.until} onChange={(event) => set('until', event.currentTarget.value)} error={errors.byField.until} />
        </Group>
        <Group grow align="flex-start">
          <TextInput id="relationship-formal-basis" label={t('relationships.fields.formalBasis')} description={t('relationships.hints.formalBasis')} value={state.formalBasis} onChange={(event) => set('formalBasis', event.currentTarget.value)} error={errors.byField.formalBasis} />
          <TextInput id="relationship-political-cycle" label={t('relationships.fields.politicalCycle')} description={t('relationships.hints.politicalCycle')} value={state.politicalCycle} onChange={(event) => set('politicalCycle', event.currentTarget.value)} error={errors.byField.politicalCycle} />
        </Group>
        <Group grow align="flex-start">
          <TextInput id="relationship-champion" label={t('relationships.fields.politicalChampion')} value={state.politicalChampion} onChange={(event) => set('politicalChampion', event.currentTarget.value)} error={errors.byField.politicalChampion} />
          <TextInput id="relationship-owner" label={t('relationships.fields.technicalOwner')} value={state.technicalOwner} onChange={(event) => set('technicalOwner', event.currentTarget.value)} error={errors.byField.technicalOwner} />
          <TextInput id="relationship-department" label={t('relationships.fields.leadDepartment')} value={state.leadDepartment} onChange={(event) => set('leadDepartment', event.currentTarget.value)} error={errors.byField.leadDepartment} />
        </Group>
        <GeneralErrors messages={errors.general} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('relationships.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
