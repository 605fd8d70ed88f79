import { Alert, Anchor, Badge, Button, Group, Input, Progress, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { FITS, OVER } from '../colors';
import { formatDate, formatNumber } from '../format';
import { graphql } from '../gql';
import type { ImportJobKind, ImportJobQuery as ImportJobResult } from '../gql/graphql';
import { QueryError } from '../query-error';
import { useSession } from '../session';
import { PageTitle } from '../shell';
import { ERROR_COLOUR, GeneralErrors, Section } from './feedback';
import { type FieldErrors, refusalOf } from './field-errors';
import { RecordNotFound } from './not-found';
import { importStatusColor, isRunning } from './record-status';
import { RecordTable } from './record-table';
import { useRegistryRoles } from './registry-roles';

const ImportJobsQuery = graphql(`
  query ImportJobs {
    importJobs(first: 100) {
      totalCount
      nodes {
        id
        kind
        status
        summary
        createdBy
        createdAt
      }
    }
  }
`);

const ImportJobQuery = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      id
      kind
      status
      summary
      progress {
        done
        total
      }
      report {
        row
        field
        reason
      }
      counts {
        created
        skipped
      }
      failure
      createdBy
      createdAt
      finishedAt
    }
  }
`);

const ImportPartnersCsvMutation = graphql(`
  mutation ImportPartnersCsv($csv: String!) {
    importPartnersCsv(csv: $csv) {
      id
    }
  }
`);

const ImportAssetsCsvMutation = graphql(`
  mutation ImportAssetsCsv($csv: String!) {
    importAssetsCsv(csv: $csv) {
      id
    }
  }
`);

const ImportRelationshipsCsvMutation = graphql(`
  mutation ImportRelationshipsCsv($csv: String!) {
    importRelationshipsCsv(csv: $csv) {
      id
    }
  }
`);

const ImportWikidataEntityMutation = graphql(`
  mutation ImportWikidataEntity($json: String!) {
    importWikidataEntity(json: $json) {
      id
    }
  }
`);

const ImportTwinningTiesMutation = graphql(`
  mutation ImportTwinningTies($wikidataId: String) {
    importTwinningTies(wikidataId: $wikidataId) {
      id
    }
  }
`);

/** What a jurisdiction's staff may import from the console; the twinning catalogue is the platform-admin's (CLI). */
type StartableKind = Exclude<ImportJobKind, 'TWINNING_CATALOGUE'>;
const KINDS: readonly StartableKind[] = ['PARTNERS_CSV', 'ASSETS_CSV', 'RELATIONSHIPS_CSV', 'WIKIDATA_ENTITY', 'TWINNING_TIES'];
const START_FIELDS = ['csv', 'json', 'wikidataId'] as const;
type StartField = (typeof START_FIELDS)[number];
/** How often a running job is asked for its progress. */
const POLL_MS = 700;

export default function ImportsPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { mayEdit } = useRegistryRoles();
  if (id) return <JobPage key={id} id={id} />;
  return (
    <>
      <PageTitle>{t('imports.title')}</PageTitle>
      <Stack gap="lg">
        {mayEdit ? <StartImport /> : <Text>{t('imports.viewerHint')}</Text>}
        <PastJobs />
      </Stack>
    </>
  );
}

function isNotFound(error: CombinedError): boolean {
  return error.graphQLErrors.some((graphQLError) => graphQLError.extensions?.['code'] === 'NOT_FOUND');
}

type Job = ImportJobResult['importJob'];

/** One job at its own address, polled while it runs; another jurisdiction's job (or none) is not found, nothing of it shown. */
function JobPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({ query: ImportJobQuery, variables: { id }, requestPolicy: 'network-only' });
  const job = data?.importJob;
  const running = job ? isRunning(job.status) : false;
  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(() => reexecute({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearTimeout(timer);
  }, [data, running, reexecute]);
  if (error && isNotFound(error)) {
    return <RecordNotFound title={t('imports.title')} message={t('imports.notFound')} back={t('imports.backToList')} to="/registry/imports" testId="import-not-found" />;
  }
  return (
    <>
      <PageTitle>{t('imports.title')}</PageTitle>
      <Stack gap="lg">
        {error ? <QueryError error={error} /> : job ? <JobView job={job} running={running} /> : <Busy />}
        {/* A job that finishes changes its row in the list: read the list again then. */}
        <PastJobs key={running ? 'running' : (job?.status ?? '')} />
      </Stack>
    </>
  );
}

function JobView({ job, running }: { job: Job; running: boolean }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const { done, total } = job.progress;
  const percent = total > 0 ? Math.round((done / total) * 100) : job.status === 'SUCCEEDED' ? 100 : 0;

  return (
    <Section id="job-heading" title={`${t('imports.job')}: ${t(`recordEnums.ImportJobKind.${job.kind}`)}`} testId="import-job">
      <Stack gap="sm">
        <Group gap="sm">
          <Badge size="lg" variant="outline" color={importStatusColor(job.status)} data-testid="import-status" data-status={job.status}>
            {t(`recordEnums.ImportJobStatus.${job.status}`)}
          </Badge>
          <Text size="sm">{t('imports.startedBy', { name: job.createdBy, date: formatDate(job.createdAt, jurisdiction) })}</Text>
        </Group>
        <Text>{job.summary}</Text>
        <div>
          <Text size="sm" fw={600} mb={4} id="import-progress-label">
            {t('imports.progress')}
          </Text>
          <Progress
            value={percent}
            size="xl"
            color={job.status === 'FAILED' ? OVER : job.status === 'SUCCEEDED' ? FITS : undefined}
            striped={running}
            animated={running}
            aria-label={t('imports.progressLabel')}
            data-testid="import-progress"
          />
          <Text size="sm" mt={4} role="status" aria-live="polite">
            {total > 0 ? t('imports.progressText', { done: formatNumber(done, jurisdiction), total: formatNumber(total, jurisdiction) }) : running ? t('imports.waiting') : ''}
          </Text>
        </div>
        {!running && (
          <>
            {job.status === 'FAILED' ? (
              <Alert role="alert" color={OVER} variant="light" data-testid="import-failure">
                {t('imports.failure', { reason: job.failure ?? '' })}
              </Alert>
            ) : (
              <Alert role="status" color={FITS} variant="light">
                {t('imports.succeeded')}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" style={{ margin: 0 }}>
              <div>
                <Text component="dt" size="sm" fw={600}>
                  {t('imports.created')}
                </Text>
                <Text component="dd" m={0} size="xl" fw={700} data-testid="import-created">
                  {formatNumber(job.counts.created, jurisdiction)}
                </Text>
              </div>
              <div>
                <Text component="dt" size="sm" fw={600}>
                  {t('imports.skipped')}
                </Text>
                <Text component="dd" m={0} size="xl" fw={700} data-testid="import-skipped">
                  {formatNumber(job.counts.skipped, jurisdiction)}
                </Text>
              </div>
            </SimpleGrid>
            <section aria-labelledby="import-report-heading">
              <Title order={3} size="h5" id="import-report-heading" mb="xs">
                {t('imports.report')}
              </Title>
              {job.report.length === 0 ? (
                <Text>{t('imports.reportNone')}</Text>
              ) : (
                <RecordTable
                  testId="import-report"
                  minWidth={560}
                  columns={[{ label: t('imports.reportColumns.row'), numeric: true }, { label: t('imports.reportColumns.field') }, { label: t('imports.reportColumns.reason') }]}
                >
                      {job.report.map((line, index) => (
                        <Table.Tr key={`${line.row}-${line.field}-${index}`} data-testid="report-row" data-row={line.row} data-field={line.field}>
                          <Table.Td ta="right">{line.row}</Table.Td>
                          <Table.Td>{line.field}</Table.Td>
                          <Table.Td>{line.reason}</Table.Td>
                        </Table.Tr>
                      ))}
                </RecordTable>
              )}
            </section>
          </>
        )}
        <Anchor component={Link} to="/registry/imports">
          {t('imports.backToList')}
        </Anchor>
      </Stack>
    </Section>
  );
}

function StartImport() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<StartableKind>('PARTNERS_CSV');
  const [file, setFile] = useState<File | null>(null);
  const [wikidataId, setWikidataId] = useState('');
  const [errors, setErrors] = useState<FieldErrors<StartField>>({ byField: {}, general: [] });
  const [busy, setBusy] = useState(false);
  const [, importPartners] = useMutation(ImportPartnersCsvMutation);
  const [, importAssets] = useMutation(ImportAssetsCsvMutation);
  const [, importRelationships] = useMutation(ImportRelationshipsCsvMutation);
  const [, importEntity] = useMutation(ImportWikidataEntityMutation);
  const [, importTwinning] = useMutation(ImportTwinningTiesMutation);
  const needsFile = kind !== 'TWINNING_TIES';
  const json = kind === 'WIKIDATA_ENTITY';

  /** Starts the job and answers its id, or the API's refusal. */
  const start = async (text: string): Promise<{ id?: string; error?: CombinedError }> => {
    const answer = await (async () => {
      switch (kind) {
        case 'PARTNERS_CSV':
          return importPartners({ csv: text }).then((a) => ({ id: a.data?.importPartnersCsv.id, error: a.error }));
        case 'ASSETS_CSV':
          return importAssets({ csv: text }).then((a) => ({ id: a.data?.importAssetsCsv.id, error: a.error }));
        case 'RELATIONSHIPS_CSV':
          return importRelationships({ csv: text }).then((a) => ({ id: a.data?.importRelationshipsCsv.id, error: a.error }));
        case 'WIKIDATA_ENTITY':
          return importEntity({ json: text }).then((a) => ({ id: a.data?.importWikidataEntity.id, error: a.error }));
        case 'TWINNING_TIES':
          return importTwinning({ wikidataId: wikidataId.trim() === '' ? null : wikidataId.trim() }).then((a) => ({ id: a.data?.importTwinningTies.id, error: a.error }));
      }
    })();
    return answer;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    if (needsFile && !file) {
      setErrors({ byField: { [json ? 'json' : 'csv']: t('imports.needFile') }, general: [] });
      return;
    }
    setBusy(true);
    try {
      const answer = await start(file && needsFile ? await file.text() : '');
      if (answer.error) setErrors(refusalOf(START_FIELDS, answer.error));
      else if (answer.id) void navigate(`/registry/imports/${answer.id}`);
    } finally {
      setBusy(false);
    }
  };

  const fileError = errors.byField.csv ?? errors.byField.json;
  return (
    <Section id="start-import-heading" title={t('imports.start')}>
      <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('imports.start')}>
        <Stack gap="md" maw={720}>
          <Radio.Group
            name="import-kind"
            label={t('imports.kind')}
            value={kind}
            onChange={(value) => {
              setKind(value as StartableKind);
              setErrors({ byField: {}, general: [] });
            }}
          >
            <Stack gap={6} mt="xs">
              {KINDS.map((value) => (
                <Radio key={value} value={value} label={t(`recordEnums.ImportJobKind.${value}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Text size="sm" data-testid="import-format">
            {t(`imports.formats.${kind}`)}
          </Text>
          {needsFile ? (
            // The browser's own file input: Space opens the file chooser, its name shows once chosen.
            <Input.Wrapper id="import-file" label={t('imports.file')} description={t('imports.fileHint')} error={fileError} maw={480}>
              <input
                id="import-file"
                type="file"
                accept={json ? '.json,application/json' : '.csv,text/csv'}
                onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
                aria-describedby={fileError ? 'import-file-description import-file-error' : 'import-file-description'}
                aria-invalid={fileError ? true : undefined}
                style={{ display: 'block', marginTop: 4 }}
              />
            </Input.Wrapper>
          ) : (
            <TextInput id="import-wikidata-id" label={t('imports.wikidataId')} description={t('imports.wikidataIdHint')} value={wikidataId} onChange={(event) => setWikidataId(event.currentTarget.value)} error={errors.byField.wikidataId} maw={320} />
          )}
          <GeneralErrors messages={errors.general} />
          <Group>
            <Button type="submit" loading={busy}>
              {t('imports.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function PastJobs() {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const { id } = useParams();
  const [{ data, error }] = useQuery({ query: ImportJobsQuery, requestPolicy: 'cache-and-network' });
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  // The API lists oldest first; the latest matter most.
  const jobs = [...data.importJobs.nodes].reverse();
  return (
    <section aria-labelledby="past-imports-heading">
      <Title order={2} size="h4" id="past-imports-heading" mb="xs">
        {t('imports.past', { count: data.importJobs.totalCount })}
      </Title>
      {jobs.length === 0 ? (
        <Text>{t('imports.none')}</Text>
      ) : (
        <RecordTable
          testId="import-jobs"
          minWidth={720}
          columns={[
            { label: t('imports.columns.started') },
            { label: t('imports.columns.kind') },
            { label: t('imports.columns.status') },
            { label: t('imports.columns.summary') },
            { label: t('imports.columns.by') },
          ]}
        >
              {jobs.map((job) => (
                <Table.Tr key={job.id} data-testid="import-job-row" aria-current={job.id === id ? 'true' : undefined}>
                  <Table.Td>
                    <Anchor component={Link} to={`/registry/imports/${job.id}`} aria-label={t('imports.openNamed', { date: formatDate(job.createdAt, jurisdiction) })}>
                      {formatDate(job.createdAt, jurisdiction)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`recordEnums.ImportJobKind.${job.kind}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={importStatusColor(job.status)}>
                      {t(`recordEnums.ImportJobStatus.${job.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{job.summary}</Table.Td>
                  <Table.Td>{job.createdBy}</Table.Td>
                </Table.Tr>
              ))}
        </RecordTable>
      )}
    </section>
  );
}
