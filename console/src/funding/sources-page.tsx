import { Anchor, Badge, Button, Group, NumberInput, Select, Stack, TagsInput, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { FITS, NEUTRAL } from '../colors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { AddFundingSourceInput, FunderKind, FundingSourceKind } from '../gql/graphql';
import { FormErrors } from '../planning/form-errors';
import { QueryError } from '../query-error';
import { ERROR_COLOUR, Notice, Section } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { RecordNotFound } from '../registry/not-found';
import { RecordTable } from '../registry/record-table';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { RunStatusBadge, scheduleText, type Source, SourceDetail } from './source-runs';

const FundingSourcesQuery = graphql(`
  query FundingSources {
    fundingSources(first: 100) {
      totalCount
      nodes {
        id
        name
        kind
        url
        scheduleMinutes
        apiKeyRef
        funder
        funderType
        currency
        timeZone
        countries
        query
        enabled
        nextRunAt
        createdAt
        createdBy
        lastRun {
          id
          status
          createdAt
        }
      }
    }
  }
`);

const AddFundingSourceMutation = graphql(`
  mutation AddFundingSource($input: AddFundingSourceInput!) {
    addFundingSource(input: $input) {
      id
      name
    }
  }
`);

const KINDS: readonly FundingSourceKind[] = ['CSV', 'FEED', 'GRANTS_GOV_EXTRACT', 'SIMPLER_GRANTS_GOV', 'EU_FUNDING_TENDERS'];
const FUNDER_KINDS: readonly FunderKind[] = ['NATIONAL', 'STATE', 'EU', 'EMBASSY_OR_HIGH_COMMISSION', 'TRUST_OR_FOUNDATION', 'INTERNATIONAL_ORGANISATION', 'CORPORATE'];
const SOURCE_FIELDS = ['sourceId', 'name', 'kind', 'url', 'scheduleMinutes', 'apiKeyRef', 'funder', 'funderType', 'currency', 'timeZone', 'countries', 'query'] as const;

/**
 * The platform's funding sources (platform-admins): each with its format,
 * schedule and latest run; adding one; a source at its own address with
 * "Run now" and every run's report.
 */
export default function SourcesPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [notice, setNotice] = useState<string | null>(null);
  const [{ data, error }, reexecute] = useQuery({ query: FundingSourcesQuery, requestPolicy: 'cache-and-network' });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  if (error) {
    return (
      <>
        <PageTitle>{t('fundingWork.sources.title')}</PageTitle>
        <QueryError error={error} />
      </>
    );
  }
  if (!data) return <Busy />;
  if (id) {
    const source = data.fundingSources.nodes.find((candidate) => candidate.id === id);
    if (!source) return <RecordNotFound title={t('fundingWork.sources.title')} message={t('fundingWork.sources.notFound')} back={t('fundingWork.sources.back')} to="/admin/funding-sources" testId="source-not-found" />;
    return <SourceDetail key={source.id} source={source} onRun={reload} />;
  }
  return (
    <>
      <PageTitle>{t('fundingWork.sources.title')}</PageTitle>
      <Notice message={notice} onClose={() => setNotice(null)} />
      <Stack gap="lg">
        <Text>{t('fundingWork.sources.intro')}</Text>
        <SourceList sources={data.fundingSources.nodes} total={data.fundingSources.totalCount} />
        <Section id="add-source-heading" title={t('fundingWork.sources.add')}>
          <AddSource
            onAdded={(name) => {
              setNotice(t('fundingWork.sources.added', { name }));
              reload();
            }}
          />
        </Section>
      </Stack>
    </>
  );
}

function SourceList({ sources, total }: { sources: readonly Source[]; total: number }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  return (
    <section aria-labelledby="sources-heading">
      <Title order={2} size="h4" id="sources-heading" mb="xs">
        {t('fundingWork.sources.list', { count: total })}
      </Title>
      {sources.length === 0 ? (
        <Text>{t('fundingWork.sources.none')}</Text>
      ) : (
        <RecordTable
          testId="funding-sources"
          minWidth={720}
          columns={[
            { label: t('fundingWork.sources.columns.name') },
            { label: t('fundingWork.sources.columns.kind') },
            { label: t('fundingWork.sources.columns.schedule') },
            { label: t('fundingWork.sources.columns.lastRun') },
            { label: t('fundingWork.sources.columns.status') },
          ]}
        >
          {sources.map((source) => (
            <Table.Tr key={source.id} data-testid="source-row">
              <Table.Td>
                <Anchor component={Link} to={`/admin/funding-sources/${encodeURIComponent(source.id)}`} aria-label={t('fundingWork.sources.openNamed', { name: source.name })}>
                  {source.name}
                </Anchor>
                <Text size="xs" style={{ wordBreak: 'break-all' }}>
                  {source.url}
                </Text>
              </Table.Td>
              <Table.Td>{t(`fundingWork.sources.kinds.${source.kind}`)}</Table.Td>
              <Table.Td>{scheduleText(t, source.scheduleMinutes)}</Table.Td>
              <Table.Td>
                {source.lastRun ? (
                  <Group gap={6} wrap="nowrap">
                    <RunStatusBadge status={source.lastRun.status} />
                    <Text size="sm">{formatDate(source.lastRun.createdAt, jurisdiction)}</Text>
                  </Group>
                ) : (
                  t('fundingWork.sources.neverRun')
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" color={source.enabled ? FITS : NEUTRAL}>
                  {source.enabled ? t('fundingWork.sources.enabled') : t('fundingWork.sources.disabled')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      )}
    </section>
  );
}

interface SourceForm {
  name: string;
  sourceId: string;
  kind: FundingSourceKind;
  url: string;
  scheduleMinutes: number | string;
  apiKeyRef: string;
  funder: string;
  funderType: FunderKind | null;
  currency: string;
  timeZone: string;
  countries: string[];
  query: string;
}

const EMPTY: SourceForm = { name: '', sourceId: '', kind: 'CSV', url: '', scheduleMinutes: '', apiKeyRef: '', funder: '', funderType: null, currency: '', timeZone: '', countries: [], query: '' };

function sourceInput(form: SourceForm): AddFundingSourceInput {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    name: form.name.trim(),
    sourceId: text(form.sourceId),
    kind: form.kind,
    url: form.url.trim(),
    scheduleMinutes: typeof form.scheduleMinutes === 'number' ? form.scheduleMinutes : null,
    apiKeyRef: text(form.apiKeyRef),
    funder: text(form.funder),
    funderType: form.funderType,
    currency: text(form.currency.toUpperCase()),
    timeZone: text(form.timeZone),
    countries: form.countries.map((code) => code.trim().toUpperCase()),
    query: text(form.query),
  };
}

function AddSource({ onAdded }: { onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<SourceForm>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<string>>({ byField: {}, general: [] });
  const [result, add] = useMutation(AddFundingSourceMutation);
  const set = <K extends keyof SourceForm>(key: K, value: SourceForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const text = (key: 'name' | 'sourceId' | 'url' | 'apiKeyRef' | 'funder' | 'currency' | 'timeZone' | 'query', hint?: string) => (
    <TextInput
      id={`add-source-${key}`}
      label={t(`fundingWork.sources.fields.${key}`)}
      description={hint ? t(`fundingWork.sources.hints.${hint}`) : undefined}
      required={key === 'name' || key === 'url'}
      value={form[key]}
      onChange={(event) => set(key, event.currentTarget.value)}
      error={errors.byField[key]}
    />
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const answer = await add({ input: sourceInput(form) });
    if (answer.error) setErrors(refusalOf(SOURCE_FIELDS, answer.error));
    else if (answer.data) {
      onAdded(answer.data.addFundingSource.name);
      setForm(EMPTY);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('fundingWork.sources.add')}>
      <Stack gap="sm" maw={820}>
        <Group grow align="flex-start">
          {text('name')}
          {text('sourceId', 'sourceId')}
        </Group>
        <Group grow align="flex-start">
          <Select
            id="add-source-kind"
            label={t('fundingWork.sources.fields.kind')}
            data={KINDS.map((value) => ({ value, label: t(`fundingWork.sources.kinds.${value}`) }))}
            value={form.kind}
            onChange={(value) => value && set('kind', value as FundingSourceKind)}
            allowDeselect={false}
            error={errors.byField.kind}
          />
          <NumberInput
            id="add-source-schedule"
            label={t('fundingWork.sources.fields.scheduleMinutes')}
            description={t('fundingWork.sources.hints.scheduleMinutes')}
            allowDecimal={false}
            min={15}
            max={10080}
            value={form.scheduleMinutes}
            onChange={(value) => set('scheduleMinutes', value)}
            error={errors.byField.scheduleMinutes}
          />
        </Group>
        {text('url', 'url')}
        {text('apiKeyRef', 'apiKeyRef')}
        <Title order={3} size="h6" mt="xs">
          {t('fundingWork.sources.hints.defaults')}
        </Title>
        <Group grow align="flex-start">
          {text('funder', 'funder')}
          <Select
            id="add-source-funder-type"
            label={t('fundingWork.sources.fields.funderType')}
            data={[{ value: '', label: t('fundingWork.sources.noFunderType') }, ...FUNDER_KINDS.map((value) => ({ value, label: t(`fundingWork.sources.funderKinds.${value}`) }))]}
            value={form.funderType ?? ''}
            onChange={(value) => set('funderType', value ? (value as FunderKind) : null)}
            allowDeselect={false}
            error={errors.byField.funderType}
          />
        </Group>
        <Group grow align="flex-start">
          {text('currency', 'currency')}
          {text('timeZone', 'timeZone')}
        </Group>
        <Group grow align="flex-start">
          <TagsInput
            id="add-source-countries"
            label={t('fundingWork.sources.fields.countries')}
            description={t('fundingWork.sources.hints.countries')}
            value={form.countries}
            onChange={(value) => set('countries', value)}
            error={errors.byField.countries}
          />
          {text('query', 'query')}
        </Group>
        <FormErrors errors={errors} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('fundingWork.sources.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
