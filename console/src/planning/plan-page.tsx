import { Alert, Badge, Button, Group, Menu, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { Busy } from '../app';
import { formatDate, formatMoney, formatNumber } from '../format';
import { graphql } from '../gql';
import type { ReportFormat } from '../gql/graphql';
import { FITS, OVER, planStatusColor } from '../colors';
import { QueryError } from '../query-error';
import { useCan, useSession } from '../session';
import { PageTitle } from '../shell';
import { CapacityPanel } from './capacity';
import { Remedies } from './remedies';
import { Versions } from './versions';

const PlanYearsQuery = graphql(`
  query PlanYears {
    plans {
      year
      version
      status
    }
  }
`);

export const PlanQuery = graphql(`
  query Plan($year: Int!) {
    plan(year: $year) {
      year
      version
      status
      activities {
        id
        title
        type
        frequency
        occurrences
        mode
        status
        plannedCost {
          total
        }
        plannedStaffDays
      }
      decisions {
        id
        summary
        rationale
        takenBy
        takenAt
      }
    }
    planCapacity(year: $year) {
      fits
      overages {
        source
        by
      }
      totals {
        planned {
          own
          external
          partner
          total
        }
        available {
          own
          external
          partner
          total
        }
        staffDaysPlanned
        staffDaysAvailable
      }
      warnings
      remedies {
        rank
        kind
        activityId
        activityTitle
        summary
        fitsAfter
        warning
      }
    }
    planVersions(year: $year) {
      version
      status
      approvedBy
      updatedAt
    }
  }
`);

const SubmitPlanMutation = graphql(`
  mutation SubmitPlan($year: Int!) {
    submitPlan(year: $year) {
      year
      version
      status
    }
  }
`);

const ApprovePlanMutation = graphql(`
  mutation ApprovePlan($year: Int!, $version: Int!) {
    approvePlan(year: $year, version: $version) {
      year
      version
      status
    }
  }
`);

const PlanReportQuery = graphql(`
  query PlanReport($year: Int!, $format: ReportFormat!, $language: ReportLanguage) {
    planReport(year: $year, format: $format, language: $language) {
      filename
      contentType
      content
    }
  }
`);

export default function PlanPage() {
  const { t } = useTranslation();
  const { year } = useParams();
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: PlanYearsQuery });
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  if (data.plans.length === 0) {
    return (
      <>
        <PageTitle>{t('plan.title')}</PageTitle>
        <Text>{t('plan.noPlans')}</Text>
      </>
    );
  }
  if (!year) return <Navigate to={`/planning/plan/${data.plans[0].year}`} replace />;
  const years = data.plans.map((p) => String(p.year));
  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md">
        <PageTitle>{t('plan.title')}</PageTitle>
        <Select
          label={t('plan.year')}
          data={years}
          value={year}
          allowDeselect={false}
          onChange={(value) => value && void navigate(`/planning/plan/${value}`)}
          w={140}
        />
      </Group>
      <PlanYear key={year} year={Number(year)} />
    </>
  );
}

function PlanYear({ year }: { year: number }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const maySubmit = useCan('submitPlan');
  const mayApprove = useCan('approvePlan');
  const [{ data, error, fetching }, refetch] = useQuery({ query: PlanQuery, variables: { year } });
  const [submitting, submit] = useMutation(SubmitPlanMutation);
  const [approving, approve] = useMutation(ApprovePlanMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const { plan, planCapacity: check } = data;

  const onSubmit = async () => {
    const answer = await submit({ year });
    if (answer.data) {
      setNotice(t('plan.submitted'));
      reload();
    }
  };
  const onApprove = async () => {
    const answer = await approve({ year, version: plan.version });
    if (answer.data) {
      setNotice(t('plan.approved', { version: plan.version }));
      reload();
    }
  };

  return (
    <Stack gap="xl" aria-busy={fetching}>
      <Group justify="space-between">
        <Group gap="sm">
          <Text fw={600}>{t('plan.version', { version: plan.version })}</Text>
          <Badge size="lg" variant="outline" color={planStatusColor(plan.status)} data-testid="plan-status">
            {t(`enums.PlanStatus.${plan.status}`)}
          </Badge>
        </Group>
        <Group gap="sm">
          {maySubmit && plan.status === 'DRAFT' && (
            <Button onClick={() => void onSubmit()} loading={submitting.fetching}>
              {t('plan.submit')}
            </Button>
          )}
          {mayApprove && plan.status === 'IN_REVIEW' && (
            <Button color={FITS} onClick={() => void onApprove()} loading={approving.fetching}>
              {t('plan.approve', { version: plan.version })}
            </Button>
          )}
          <ReportDownload year={year} />
        </Group>
      </Group>
      {(submitting.error ?? approving.error) && <QueryError error={(submitting.error ?? approving.error)!} />}
      {notice && (
        <Alert role="status" color={FITS} variant="light" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t('plan.cancel')}>
          {notice}
        </Alert>
      )}
      <CapacityPanel check={check} />
      <Remedies year={year} check={check} editable={plan.status === 'DRAFT' || plan.status === 'APPROVED' || plan.status === 'ACTIVE'} onApplied={(summary) => {
        setNotice(t('plan.applied', { summary }));
        reload();
      }} />
      <section aria-labelledby="activities-heading">
        <Title order={2} size="h4" id="activities-heading" mb="xs">
          {t('plan.activities')}
        </Title>
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                {(['title', 'type', 'frequency', 'occurrences', 'mode', 'status', 'cost', 'staffDays'] as const).map((column) => (
                  <Table.Th key={column} scope="col" ta={column === 'cost' || column === 'staffDays' || column === 'occurrences' ? 'right' : undefined}>
                    {t(`plan.columns.${column}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.activities.map((activity) => (
                <Table.Tr key={activity.id}>
                  <Table.Td>{activity.title}</Table.Td>
                  <Table.Td>{t(`enums.ActivityType.${activity.type}`)}</Table.Td>
                  <Table.Td>{t(`enums.ActivityFrequency.${activity.frequency}`)}</Table.Td>
                  <Table.Td ta="right">{activity.occurrences}</Table.Td>
                  <Table.Td>{t(`enums.ActivityMode.${activity.mode}`)}</Table.Td>
                  <Table.Td>{t(`enums.ActivityStatus.${activity.status}`)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(activity.plannedCost.total, jurisdiction)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(activity.plannedStaffDays, jurisdiction)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      {plan.decisions.length > 0 && (
        <section aria-labelledby="decisions-heading">
          <Title order={2} size="h4" id="decisions-heading" mb="xs">
            {t('plan.decisions')}
          </Title>
          <Stack gap="xs">
            {plan.decisions.map((decision) => (
              <Text key={decision.id} size="sm">
                <strong>{decision.summary}</strong> — “{decision.rationale}” ({decision.takenBy}, {formatDate(decision.takenAt, jurisdiction)})
              </Text>
            ))}
          </Stack>
        </section>
      )}
      <Versions year={year} versions={data.planVersions} />
    </Stack>
  );
}

/** The progress report as a file: the API builds it (HTML with its charts, or CSV), the browser saves it. */
function ReportDownload({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [preparing, setPreparing] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const download = async (format: ReportFormat) => {
    setPreparing(true);
    setFailed(null);
    try {
      const answer = await client.query(PlanReportQuery, { year, format, language: i18n.resolvedLanguage === 'de' ? 'DE' : 'EN' }, { requestPolicy: 'network-only' }).toPromise();
      if (!answer.data) throw new Error(answer.error?.graphQLErrors[0]?.message ?? answer.error?.message ?? 'no report');
      const { filename, contentType, content } = answer.data.planReport;
      const url = URL.createObjectURL(new Blob([content], { type: contentType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setPreparing(false);
    }
  };
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" loading={preparing} aria-label={preparing ? t('plan.preparing') : undefined}>
            {t('plan.download')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void download('HTML')}>{t('plan.downloadHtml')}</Menu.Item>
          <Menu.Item onClick={() => void download('CSV')}>{t('plan.downloadCsv')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {failed && (
        <Text role="alert" c={OVER} size="sm">
          {t('app.failed', { message: failed })}
        </Text>
      )}
    </>
  );
}
