import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { formatDate, formatMoney, formatNumber } from '../format';
import { graphql } from '../gql';
import type { EngagementType } from '../gql/graphql';
import { QueryError } from '../query-error';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { ERROR_COLOUR, GeneralErrors, Notice, Section } from './feedback';
import { type FieldErrors, refusalOf } from './field-errors';
import { partnerChoice } from './partner-choices';
import { RecordHistory } from './record-history';
import { RecordTable } from './record-table';
import { useRegistryRoles } from './registry-roles';

const EngagementsQuery = graphql(`
  query Engagements {
    engagements(first: 100) {
      totalCount
      nodes {
        id
        date
        type
        partnerIds
        purpose
        outcomes
        nextSteps
        cost {
          amount
          currency
        }
        staffDays
      }
    }
    partners(first: 100) {
      nodes {
        id
        name
        country
      }
    }
    relationships(first: 100) {
      nodes {
        id
        partnerId
        partnerName
        type
        status
      }
    }
  }
`);

const LogEngagementMutation = graphql(`
  mutation LogEngagement($input: LogEngagementInput!) {
    logEngagement(input: $input) {
      id
      date
    }
  }
`);

const ENGAGEMENT_TYPES: EngagementType[] = ['INBOUND_VISIT', 'OUTBOUND_MISSION', 'VIRTUAL_MEETING', 'EVENT', 'AGREEMENT_SIGNED', 'CORRESPONDENCE'];
const ENGAGEMENT_FIELDS = ['date', 'type', 'partnerIds', 'purpose', 'outcomes', 'nextSteps', 'cost', 'cost.amount', 'cost.currency', 'staffDays'] as const;
type EngagementField = (typeof ENGAGEMENT_FIELDS)[number];

type EngagementsData = NonNullable<ReturnType<typeof useEngagements>[0]['data']>;
type EngagementRow = EngagementsData['engagements']['nodes'][number];

function useEngagements() {
  return useQuery({ query: EngagementsQuery });
}

/** Today as YYYY-MM-DD where the person is: the day an engagement most often took place. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export default function EngagementsPage() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const { mayEdit } = useRegistryRoles();
  const [search] = useSearchParams();
  const [{ data, error }, refetch] = useEngagements();
  const [type, setType] = useState('');
  const [partner, setPartner] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [historyOf, setHistoryOf] = useState<EngagementRow | null>(null);
  const names = useMemo(() => new Map((data?.partners.nodes ?? []).map((p) => [p.id, p.name])), [data]);
  // Newest first: the log is read for what happened lately.
  const shown = useMemo(
    () =>
      [...(data?.engagements.nodes ?? [])]
        .filter((engagement) => (type === '' || engagement.type === type) && (partner === '' || engagement.partnerIds.includes(partner)))
        .sort((a, b) => b.date.localeCompare(a.date)),
    [data, type, partner],
  );
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const day = (value: string) => formatDate(value, jurisdiction);

  return (
    <>
      <PageTitle>{t('engagements.title')}</PageTitle>
      <Stack gap="lg">
        <Notice message={notice} onClose={() => setNotice(null)} />
        <section aria-labelledby="engagements-heading">
          <Title order={2} size="h4" id="engagements-heading" mb="xs">
            {t('engagements.list', { count: data.engagements.totalCount })}
          </Title>
          <Group gap="sm" mb="sm" align="flex-end" role="group" aria-label={t('engagements.filters')}>
            <Select
              label={t('engagements.filterType')}
              data={[{ value: '', label: t('engagements.allTypes') }, ...ENGAGEMENT_TYPES.map((value) => ({ value, label: t(`recordEnums.EngagementType.${value}`) }))]}
              value={type}
              onChange={(value) => setType(value ?? '')}
              allowDeselect={false}
              w={220}
            />
            <Select
              label={t('engagements.filterPartner')}
              data={[{ value: '', label: t('engagements.allPartners') }, ...data.partners.nodes.map(partnerChoice)]}
              value={partner}
              onChange={(value) => setPartner(value ?? '')}
              allowDeselect={false}
              searchable
              w={280}
            />
            <Text size="sm" role="status" data-testid="engagements-shown">
              {t('engagements.shown', { shown: shown.length, count: data.engagements.nodes.length })}
            </Text>
          </Group>
          {shown.length === 0 ? (
            <Text>{t('engagements.none')}</Text>
          ) : (
            <RecordTable
              testId="engagements"
              minWidth={880}
              columns={[
                { label: t('engagements.columns.date') },
                { label: t('engagements.columns.type') },
                { label: t('engagements.columns.partners') },
                { label: t('engagements.columns.purpose') },
                { label: t('engagements.columns.outcomes') },
                { label: t('engagements.columns.cost'), numeric: true },
                { label: t('engagements.columns.staffDays'), numeric: true },
                { label: t('history.title') },
              ]}
            >
                  {shown.map((engagement) => (
                    <Table.Tr key={engagement.id} data-testid="engagement-row">
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{day(engagement.date)}</Table.Td>
                      <Table.Td>{t(`recordEnums.EngagementType.${engagement.type}`)}</Table.Td>
                      <Table.Td>{engagement.partnerIds.map((id) => names.get(id) ?? id).join(', ')}</Table.Td>
                      <Table.Td>{engagement.purpose}</Table.Td>
                      <Table.Td>{engagement.outcomes ?? ''}</Table.Td>
                      <Table.Td ta="right">{engagement.cost ? formatMoney(engagement.cost.amount, { locale: jurisdiction.locale, currency: engagement.cost.currency }) : ''}</Table.Td>
                      <Table.Td ta="right">{engagement.staffDays === null || engagement.staffDays === undefined ? '' : formatNumber(engagement.staffDays, jurisdiction)}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="default" onClick={() => setHistoryOf(engagement)} aria-label={t('engagements.historyButton', { date: day(engagement.date) })}>
                          {t('history.show')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
            </RecordTable>
          )}
        </section>

        {mayEdit && (
          <Section id="log-heading" title={t('engagements.log')}>
            <LogForm
              data={data}
              relationshipId={search.get('relationship')}
              onSaved={(date) => {
                setNotice(t('engagements.logged', { date: day(date) }));
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          </Section>
        )}
      </Stack>

      {historyOf && (
        <Modal opened onClose={() => setHistoryOf(null)} title={t('engagements.historyNamed', { date: day(historyOf.date) })} size="lg" closeButtonProps={{ 'aria-label': t('assets.close') }}>
          <Text>{historyOf.purpose}</Text>
          {historyOf.nextSteps && <Text size="sm">{`${t('engagements.fields.nextSteps')}: ${historyOf.nextSteps}`}</Text>}
          <RecordHistory id={historyOf.id} />
        </Modal>
      )}
    </>
  );
}

interface LogState {
  relationshipId: string | null;
  date: string;
  type: EngagementType;
  partnerIds: string[];
  purpose: string;
  outcomes: string;
  nextSteps: string;
  amount: number | string;
  currency: string;
  staffDays: number | string;
}

function LogForm({ data, relationshipId, onSaved }: { data: EngagementsData; relationshipId: string | null; onSaved: (date: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const relationships = data.relationships.nodes;
  const initial = (): LogState => {
    // Opened from a relationship: its partner is already chosen.
    const tie = relationships.find((relationship) => relationship.id === relationshipId);
    return { relationshipId: tie?.id ?? null, date: today(), type: 'INBOUND_VISIT', partnerIds: tie ? [tie.partnerId] : [], purpose: '', outcomes: '', nextSteps: '', amount: '', currency: jurisdiction.currency, staffDays: '' };
  };
  const [state, setState] = useState<LogState>(initial);
  const [errors, setErrors] = useState<FieldErrors<EngagementField>>({ byField: {}, general: [] });
  const [result, logEngagement] = useMutation(LogEngagementMutation);
  const set = <K extends keyof LogState>(key: K, value: LogState[K]) => setState((previous) => ({ ...previous, [key]: value }));
  const fieldError = (...fields: EngagementField[]) => fields.map((field) => errors.byField[field]).filter(Boolean).join('; ') || undefined;
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  if (data.partners.nodes.length === 0) return <Text>{t('engagements.noPartners')}</Text>;

  const chooseRelationship = (id: string | null) => {
    const tie = relationships.find((relationship) => relationship.id === id);
    setState((previous) => ({ ...previous, relationshipId: tie?.id ?? null, partnerIds: tie && !previous.partnerIds.includes(tie.partnerId) ? [...previous.partnerIds, tie.partnerId] : previous.partnerIds }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const hasCost = state.amount !== '';
    const answer = await logEngagement({
      input: {
        date: state.date.trim(),
        type: state.type,
        partnerIds: state.partnerIds,
        purpose: state.purpose,
        outcomes: optional(state.outcomes),
        nextSteps: optional(state.nextSteps),
        cost: hasCost ? { amount: typeof state.amount === 'number' ? state.amount : Number.NaN, currency: state.currency.trim().toUpperCase() } : undefined,
        staffDays: typeof state.staffDays === 'number' ? state.staffDays : undefined,
      },
    });
    if (answer.error) {
      setErrors(refusalOf(ENGAGEMENT_FIELDS, answer.error));
      return;
    }
    if (answer.data) {
      onSaved(answer.data.logEngagement.date);
      setState({ ...initial(), relationshipId: null, partnerIds: [] });
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('engagements.log')}>
      <Stack gap="sm" maw={720}>
        <Group grow align="flex-start">
          <Select
            id="engagement-relationship"
            label={t('engagements.relationship')}
            description={t('engagements.relationshipHint')}
            placeholder={t('engagements.noRelationship')}
            data={relationships.map((relationship) => ({ value: relationship.id, label: `${relationship.partnerName} · ${t(`recordEnums.RelationshipType.${relationship.type}`)}` }))}
            value={state.relationshipId}
            onChange={chooseRelationship}
            searchable
            clearable
          />
          <MultiSelect
            id="engagement-partners"
            label={t('engagements.fields.partnerIds')}
            description={t('engagements.hints.partnerIds')}
            required
            searchable
            data={data.partners.nodes.map(partnerChoice)}
            value={state.partnerIds}
            onChange={(value) => set('partnerIds', value)}
            error={fieldError('partnerIds')}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput id="engagement-date" label={t('engagements.fields.date')} description={t('engagements.hints.date')} required placeholder="YYYY-MM-DD" value={state.date} onChange={(event) => set('date', event.currentTarget.value)} error={fieldError('date')} />
          <Select
            id="engagement-type"
            label={t('engagements.fields.type')}
            data={ENGAGEMENT_TYPES.map((value) => ({ value, label: t(`recordEnums.EngagementType.${value}`) }))}
            value={state.type}
            onChange={(value) => value && set('type', value as EngagementType)}
            allowDeselect={false}
            error={fieldError('type')}
          />
        </Group>
        <Textarea id="engagement-purpose" label={t('engagements.fields.purpose')} required autosize minRows={2} value={state.purpose} onChange={(event) => set('purpose', event.currentTarget.value)} error={fieldError('purpose')} />
        <Group grow align="flex-start">
          <Textarea id="engagement-outcomes" label={t('engagements.fields.outcomes')} autosize minRows={2} value={state.outcomes} onChange={(event) => set('outcomes', event.currentTarget.value)} error={fieldError('outcomes')} />
          <Textarea id="engagement-next-steps" label={t('engagements.fields.nextSteps')} autosize minRows={2} value={state.nextSteps} onChange={(event) => set('nextSteps', event.currentTarget.value)} error={fieldError('nextSteps')} />
        </Group>
        <Group grow align="flex-start">
          <NumberInput id="engagement-cost" label={t('engagements.fields.amount')} min={0} value={state.amount} onChange={(value) => set('amount', value)} error={fieldError('cost', 'cost.amount')} />
          <TextInput id="engagement-currency" label={t('engagements.fields.currency')} description={t('engagements.hints.currency')} value={state.currency} onChange={(event) => set('currency', event.currentTarget.value)} error={fieldError('cost.currency')} />
          <NumberInput id="engagement-staff-days" label={t('engagements.fields.staffDays')} description={t('engagements.hints.staffDays')} min={0} decimalScale={1} value={state.staffDays} onChange={(value) => set('staffDays', value)} error={fieldError('staffDays')} />
        </Group>
        <GeneralErrors messages={errors.general} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('engagements.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
