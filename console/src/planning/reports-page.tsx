import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { Busy } from '../busy';
import { OVER } from '../colors';
import { graphql } from '../gql';
import type { ReportFormat, ReportingCadence, ReportLanguage } from '../gql/graphql';
import { QueryError } from '../query-error';
import { saveFile } from '../save-file';
import { PageTitle } from '../shell';
import { messageOf, PlanReportQuery, reportLanguageOf } from './report-file';

const ReportYearsQuery = graphql(`
  query ReportYears {
    plans {
      year
      status
    }
  }
`);

const ReportingPeriodsQuery = graphql(`
  query ReportingPeriods($year: Int!, $cadence: ReportingCadence) {
    reportingPeriods(year: $year, cadence: $cadence) {
      key
      label
    }
  }
`);

const CADENCES: ReportingCadence[] = ['QUARTERLY', 'MONTHLY', 'SEMIANNUAL', 'ANNUAL'];
const LANGUAGES: ReportLanguage[] = ['EN', 'DE'];
const WHOLE_YEAR = '';

export default function ReportsPage() {
  const { t } = useTranslation();
  const { year } = useParams();
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: ReportYearsQuery });
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  if (data.plans.length === 0) {
    return (
      <>
        <PageTitle>{t('planReports.title')}</PageTitle>
        <Text>{t('plan.noPlans')}</Text>
      </>
    );
  }
  if (!year) return <Navigate to={`/planning/reports/${data.plans[0].year}`} replace />;
  return (
    <>
      <PageTitle>{t('planReports.title')}</PageTitle>
      <ReportOfYear
        key={year}
        year={Number(year)}
        years={data.plans.map((plan) => String(plan.year))}
        onYear={(value) => void navigate(`/planning/reports/${value}`)}
      />
    </>
  );
}

function ReportOfYear({ year, years, onYear }: { year: number; years: string[]; onYear: (year: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const frame = useRef<HTMLIFrameElement>(null);
  const [cadence, setCadence] = useState<ReportingCadence>('QUARTERLY');
  const [period, setPeriod] = useState<string>(WHOLE_YEAR);
  const [language, setLanguage] = useState<ReportLanguage>(reportLanguageOf(i18n.resolvedLanguage));
  const [downloading, setDownloading] = useState<ReportFormat | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [periods] = useQuery({ query: ReportingPeriodsQuery, variables: { year, cadence } });
  const variables = { year, format: 'HTML' as const, period: period === WHOLE_YEAR ? null : period, language };
  const [report] = useQuery({ query: PlanReportQuery, variables, requestPolicy: 'cache-and-network' });

  const download = async (format: ReportFormat) => {
    setDownloading(format);
    setFailed(null);
    const answer = await client.query(PlanReportQuery, { ...variables, format }, { requestPolicy: 'network-only' }).toPromise();
    setDownloading(null);
    if (!answer.data) {
      setFailed(messageOf(answer.error));
      return;
    }
    const { filename, contentType, content } = answer.data.planReport;
    saveFile(filename, contentType, content);
  };

  const yearChoices = years.includes(String(year)) ? years : [String(year), ...years];
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-label={t('planReports.choose')}>
        <Group align="flex-end" wrap="wrap">
          <Select id="report-year" label={t('plan.year')} data={yearChoices} value={String(year)} allowDeselect={false} onChange={(value) => value && onYear(value)} w={120} />
          <Select
            id="report-cadence"
            label={t('planReports.cadence')}
            data={CADENCES.map((value) => ({ value, label: t(`planningEnums.ReportingCadence.${value}`) }))}
            value={cadence}
            allowDeselect={false}
            onChange={(value) => {
              if (!value) return;
              setCadence(value as ReportingCadence);
              setPeriod(WHOLE_YEAR);
            }}
            w={180}
          />
          <Select
            id="report-period"
            label={t('planReports.period')}
            data={[{ value: WHOLE_YEAR, label: t('planReports.wholeYear') }, ...(periods.data?.reportingPeriods ?? []).map((p) => ({ value: p.key, label: p.label }))]}
            value={period}
            allowDeselect={false}
            onChange={(value) => setPeriod(value ?? WHOLE_YEAR)}
            w={340}
          />
          <Select
            id="report-language"
            label={t('planReports.language')}
            data={LANGUAGES.map((value) => ({ value, label: t(`planReports.languages.${value}`) }))}
            value={language}
            allowDeselect={false}
            onChange={(value) => value && setLanguage(value as ReportLanguage)}
            w={140}
          />
        </Group>
        <Group mt="md">
          <Button variant="default" onClick={() => frame.current?.contentWindow?.print()} disabled={!report.data}>
            {t('planReports.print')}
          </Button>
          <Button variant="default" loading={downloading === 'CSV'} onClick={() => void download('CSV')}>
            {t('planReports.downloadCsv')}
          </Button>
          <Button variant="default" loading={downloading === 'HTML'} onClick={() => void download('HTML')}>
            {t('planReports.downloadHtml')}
          </Button>
        </Group>
        {failed && (
          <Text role="alert" c={OVER} size="sm" mt="xs">
            {t('app.failed', { message: failed })}
          </Text>
        )}
      </Paper>
      {report.error && !report.data && <QueryError error={report.error} />}
      {!report.data && !report.error && <Busy />}
      {report.data && (
        <Paper withBorder radius="md" component="section" aria-label={t('planReports.preview')} style={{ overflow: 'hidden' }}>
          {/* The report is a self-contained page from the API: shown in a sandbox that runs no script (same origin only so Print can reach it). */}
          <iframe
            ref={frame}
            title={t('planReports.frameTitle', { year })}
            srcDoc={report.data.planReport.content}
            sandbox="allow-same-origin allow-modals"
            data-testid="report-frame"
            style={{ width: '100%', height: '75vh', border: 0, display: 'block', background: 'white' }}
          />
        </Paper>
      )}
    </Stack>
  );
}
