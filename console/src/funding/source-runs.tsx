import { Alert, Anchor, Badge, Button, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { FITS, NEUTRAL, OVER, PENDING } from '../colors';
import { formatNumber } from '../format';
import { graphql } from '../gql';
import type { FundingSourcesQuery, ScoutingRunQuery as ScoutingRunResult, ScoutingRunStatus } from '../gql/graphql';
import { QueryError } from '../query-error';
import { Section } from '../registry/feedback';
import { RecordTable } from '../registry/record-table';
import { useSession } from '../session';
import { PageTitle } from '../shell';

/** A funding source as the sources page lists it. */
export type Source = FundingSourcesQuery['fundingSources']['nodes'][number];

graphql(`
  fragment ScoutingRunFields on ScoutingRun {
    id
    trigger
    requestedBy
    status
    createdAt
    startedAt
    finishedAt
    durationMs
    counts {
      read
      new
      changed
      unchanged
      skipped
      superseded
      errors
    }
    closed
    closingSoon
    failure
  }
`);

const ScoutingRunsQuery = graphql(`
  query ScoutingRuns($sourceId: ID!) {
    scoutingRuns(sourceId: $sourceId, first: 20) {
      totalCount
      nodes {
        ...ScoutingRunFields
      }
    }
  }
`);

const ScoutingRunQuery = graphql(`
  query ScoutingRun($id: ID!) {
    scoutingRun(id: $id) {
      ...ScoutingRunFields
      problems {
        record
        reason
      }
    }
  }
`);

const RunFundingSourceMutation = graphql(`
  mutation RunFundingSource($id: ID!) {
    runFundingSource(id: $id) {
      id
      status
    }
  }
`);

const DisableFundingSourceMutation = graphql(`
  mutation DisableFundingSource($id: ID!) {
    disableFundingSource(id: $id) {
      id
      enabled
      nextRunAt
    }
  }
`);

const EnableFundingSourceMutation = graphql(`
  mutation EnableFundingSource($id: ID!) {
    enableFundingSource(id: $id) {
      id
      enabled
      nextRunAt
    }
  }
`);

/** How often a run in progress is asked for its report. */
const POLL_MS = 700;

type Run = ScoutingRunResult['scoutingRun'];

function isActive(status: ScoutingRunStatus): boolean {
  return status === 'QUEUED' || status === 'RUNNING';
}

function runStatusColor(status: ScoutingRunStatus): string {
  if (status === 'SUCCEEDED') return FITS;
  if (status === 'FAILED') return OVER;
  if (status === 'NOT_MODIFIED') return NEUTRAL;
  return PENDING;
}

/** A source's schedule in words. */
export function scheduleText(t: TFunction, minutes: number | null | undefined): string {
  return minutes ? t('fundingWork.sources.scheduleEvery', { minutes }) : t('fundingWork.sources.onDemand');
}

export function RunStatusBadge({ status }: { status: ScoutingRunStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={runStatusColor(status)} data-testid="run-status" data-status={status} style={{ flexShrink: 0 }}>
      {t(`fundingWork.sources.statuses.${status}`)}
    </Badge>
  );
}

function useMoment(): (iso: string) => string {
  const { jurisdiction } = useSession();
  const format = new Intl.DateTimeFormat(jurisdiction.locale, { dateStyle: 'medium', timeStyle: 'medium' });
  return (iso) => format.format(new Date(iso));
}

/** A source at its own address: its settings, "Run now", the run chosen (`?run=<id>`, polled while it runs) and its recent runs. */
export function SourceDetail({ source, onRun }: { source: Source; onRun: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const [{ data, error }, reexecuteRuns] = useQuery({ query: ScoutingRunsQuery, variables: { sourceId: source.id }, requestPolicy: 'cache-and-network' });
  const [started, run] = useMutation(RunFundingSourceMutation);
  const [disabling, disable] = useMutation(DisableFundingSourceMutation);
  const [enabling, enable] = useMutation(EnableFundingSourceMutation);
  const [startError, setStartError] = useState<Parameters<typeof QueryError>[0]['error'] | null>(null);
  const moment = useMoment();
  const runId = search.get('run') ?? data?.scoutingRuns.nodes[0]?.id ?? null;
  const none = '—';
  const settings: Array<[string, string]> = [
    [t('fundingWork.sources.fields.kind'), t(`fundingWork.sources.kinds.${source.kind}`)],
    [t('fundingWork.sources.fields.url'), source.url],
    [t('fundingWork.sources.fields.scheduleMinutes'), scheduleText(t, source.scheduleMinutes)],
    [t('fundingWork.sources.fields.apiKeyRef'), source.apiKeyRef ?? none],
    [t('fundingWork.sources.fields.funder'), source.funder ?? none],
    [t('fundingWork.sources.fields.funderType'), source.funderType ? t(`fundingWork.sources.funderKinds.${source.funderType}`) : none],
    [t('fundingWork.sources.fields.currency'), source.currency ?? none],
    [t('fundingWork.sources.fields.timeZone'), source.timeZone ?? none],
    [t('fundingWork.sources.fields.countries'), source.countries.join(', ') || none],
    [t('fundingWork.sources.fields.query'), source.query ?? none],
  ];

  const runNow = async () => {
    setStartError(null);
    const answer = await run({ id: source.id });
    if (answer.error) setStartError(answer.error);
    else if (answer.data) {
      setSearch({ run: answer.data.runFundingSource.id });
      reexecuteRuns({ requestPolicy: 'network-only' });
    }
  };

  /** Stops the schedule (runs are refused, its opportunities stay) or starts it again; the list is read again either way. */
  const toggle = async () => {
    setStartError(null);
    const answer = source.enabled ? await disable({ id: source.id }) : await enable({ id: source.id });
    if (answer.error) setStartError(answer.error);
    else onRun();
  };

  return (
    <>
      <PageTitle>{t('fundingWork.sources.detail', { name: source.name })}</PageTitle>
      <Stack gap="lg">
        <Section id="source-settings-heading" title={t('fundingWork.sources.settings')} testId="source-settings">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" style={{ margin: 0 }}>
            {settings.map(([label, value]) => (
              <div key={label}>
                <Text component="dt" size="sm" fw={600}>
                  {label}
                </Text>
                <Text component="dd" m={0} style={{ wordBreak: 'break-all' }}>
                  {value}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          <Group mt="md">
            <Button id="run-source-now" onClick={() => void runNow()} loading={started.fetching} disabled={!source.enabled}>
              {t('fundingWork.sources.runNow')}
            </Button>
            <Button id="toggle-source" variant="default" onClick={() => void toggle()} loading={disabling.fetching || enabling.fetching}>
              {source.enabled ? t('fundingWork.sources.disable') : t('fundingWork.sources.enable')}
            </Button>
            <Badge variant="outline" color={source.enabled ? FITS : NEUTRAL} data-testid="source-enabled">
              {source.enabled ? t('fundingWork.sources.enabled') : t('fundingWork.sources.disabled')}
            </Badge>
            <Anchor component={Link} to="/admin/funding-sources">
              {t('fundingWork.sources.back')}
            </Anchor>
          </Group>
          {startError && <QueryError error={startError} />}
        </Section>
        {runId && (
          <RunReport
            key={runId}
            id={runId}
            onFinished={() => {
              reexecuteRuns({ requestPolicy: 'network-only' });
              onRun();
            }}
          />
        )}
        <section aria-labelledby="source-runs-heading">
          <Title order={2} size="h4" id="source-runs-heading" mb="xs">
            {t('fundingWork.sources.runs', { count: data?.scoutingRuns.totalCount ?? 0 })}
          </Title>
          {error ? (
            <QueryError error={error} />
          ) : !data ? (
            <Busy />
          ) : data.scoutingRuns.nodes.length === 0 ? (
            <Text>{t('fundingWork.sources.noRuns')}</Text>
          ) : (
            <RecordTable
              testId="source-runs"
              minWidth={720}
              columns={[
                { label: t('fundingWork.sources.runColumns.started') },
                { label: t('fundingWork.sources.runColumns.trigger') },
                { label: t('fundingWork.sources.runColumns.status') },
                { label: t('fundingWork.sources.runColumns.counts') },
                { label: t('fundingWork.sources.runColumns.duration'), numeric: true },
              ]}
            >
              {data.scoutingRuns.nodes.map((entry) => (
                <Table.Tr key={entry.id} data-testid="source-run-row" aria-current={entry.id === runId ? 'true' : undefined}>
                  <Table.Td>
                    <Anchor component={Link} to={`?run=${encodeURIComponent(entry.id)}`} aria-label={t('fundingWork.sources.openRun', { date: moment(entry.createdAt) })}>
                      {moment(entry.createdAt)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`fundingWork.sources.triggers.${entry.trigger}`)}</Table.Td>
                  <Table.Td>
                    <RunStatusBadge status={entry.status} />
                  </Table.Td>
                  <Table.Td>{[entry.counts.read, entry.counts.new, entry.counts.changed, entry.counts.unchanged, entry.counts.skipped].join(' / ')}</Table.Td>
                  <Table.Td ta="right">{entry.durationMs === null || entry.durationMs === undefined ? '—' : `${(entry.durationMs / 1000).toFixed(1)} s`}</Table.Td>
                </Table.Tr>
              ))}
            </RecordTable>
          )}
        </section>
      </Stack>
    </>
  );
}

/** One run's report, asked for again every POLL_MS while it is queued or running, with a progress bar until it ends. */
function RunReport({ id, onFinished }: { id: string; onFinished: () => void }) {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({ query: ScoutingRunQuery, variables: { id }, requestPolicy: 'network-only' });
  const moment = useMoment();
  const runItem = data?.scoutingRun;
  const active = runItem ? isActive(runItem.status) : false;
  // The runs list and the source's latest run change when a run ends (or is first seen ended): they are read again then, once.
  const reported = useRef(false);
  useEffect(() => {
    if (active) {
      const timer = setTimeout(() => reexecute({ requestPolicy: 'network-only' }), POLL_MS);
      return () => clearTimeout(timer);
    }
    if (runItem && !reported.current) {
      reported.current = true;
      onFinished();
    }
    return undefined;
  }, [data, active, runItem, reexecute, onFinished]);
  if (error) return <QueryError error={error} />;
  if (!runItem) return <Busy />;
  return (
    <Section id="run-report-heading" title={t('fundingWork.sources.report', { date: moment(runItem.createdAt) })} testId="run-report">
      <RunView run={runItem} active={active} />
    </Section>
  );
}

function RunView({ run, active }: { run: Run; active: boolean }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const counts: Array<[string, number]> = [
    ['read', run.counts.read],
    ['new', run.counts.new],
    ['changed', run.counts.changed],
    ['unchanged', run.counts.unchanged],
    ['skipped', run.counts.skipped],
    ['superseded', run.counts.superseded],
    ['errors', run.counts.errors],
    ['closed', run.closed],
    ['closingSoon', run.closingSoon],
  ];
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <RunStatusBadge status={run.status} />
        <Text size="sm">{t(`fundingWork.sources.triggers.${run.trigger}`)}</Text>
        {run.requestedBy && <Text size="sm">{t('fundingWork.sources.by', { name: run.requestedBy })}</Text>}
        {run.durationMs !== null && run.durationMs !== undefined && (
          <Text size="sm" data-testid="run-duration">
            {t('fundingWork.sources.duration', { seconds: formatNumber(run.durationMs / 1000, jurisdiction, 1) })}
          </Text>
        )}
      </Group>
      {active ? (
        <div>
          <Progress value={100} size="xl" striped animated aria-label={t('fundingWork.sources.progress')} data-testid="run-progress" />
          <Text size="sm" mt={4} role="status" aria-live="polite">
            {t('fundingWork.sources.running')}
          </Text>
        </div>
      ) : (
        <>
          {run.failure && (
            <Alert role="alert" color={OVER} variant="light" data-testid="run-failure">
              {t('fundingWork.sources.failure', { reason: run.failure })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 3, sm: 5 }} component="dl" style={{ margin: 0 }} data-testid="run-counts">
            {counts.map(([key, value]) => (
              <div key={key}>
                <Text component="dt" size="sm" fw={600}>
                  {t(`fundingWork.sources.counts.${key}`)}
                </Text>
                <Text component="dd" m={0} size="xl" fw={700} data-testid={`run-count-${key}`}>
                  {formatNumber(value, jurisdiction, 0)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          <ProblemList problems={run.problems} skipped={run.counts.skipped} />
        </>
      )}
    </Stack>
  );
}

function ProblemList({ problems, skipped }: { problems: Run['problems']; skipped: number }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="run-problems-heading">
      <Title order={3} size="h5" id="run-problems-heading" mb="xs">
        {t('fundingWork.sources.problems', { count: skipped })}
      </Title>
      {problems.length === 0 ? (
        <Text>{t('fundingWork.sources.noProblems')}</Text>
      ) : (
        <RecordTable testId="run-problems" minWidth={560} columns={[{ label: t('fundingWork.sources.problemColumns.record') }, { label: t('fundingWork.sources.problemColumns.reason') }]}>
          {problems.map((problem, index) => (
            <Table.Tr key={`${problem.record}-${index}`} data-testid="run-problem" data-record={problem.record}>
              <Table.Td>{problem.record}</Table.Td>
              <Table.Td>{problem.reason}</Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      )}
    </section>
  );
}
