import { Alert, Badge, Button, Group, Menu, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { Busy } from '../busy';
import { currentPlanYear, formatDate } from '../format';
import { graphql } from '../gql';
import type { ReportFormat } from '../gql/graphql';
import { FITS, OVER, planStatusColor } from '../colors';
import { QueryError } from '../query-error';
import { Section } from '../registry/feedback';
import { saveFile } from '../save-file';
import { useCan, useSession } from '../session';
import { PageTitle } from '../shell';
import { Activities } from './activities';
import { CapacityPanel } from './capacity';
import { Occasions } from './occasions';
import { CopyToNextYear, CreatePlanForm } from './plan-years';
import { PlanSettings } from './plan-settings';
import { usePlanningRoles } from './planning-roles';
import { Remedies } from './remedies';
import { messageOf, PlanReportQuery, reportLanguageOf } from './report-file';
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
      currency
      periodStart
      periodEnd
      budgetLines {
        id
        source
        label
        amount
        fundingReference
      }
      staffDaysAvailable
      opportunisticAllowance
      occasions {
        id
        date
        title
        kind
      }
      activities {
        id
        title
        type
        priorityIds
        partnerIds
        country
        city
        windowStart
        windowEnd
        frequency
        cycleYear
        occurrences
        mode
        costPerOccurrence {
          own
          external
          partner
        }
        plannedCost {
          total
        }
        staffDaysPerOccurrence
        plannedStaffDays
        implementers {
          name
          kind
        }
        leadDepartment
        status
        outcomes
        actualCost
        actualStaffDays
      }
      decisions {
        id
        summary
        rationale
        takenBy
        takenAt
      }
      updatedAt
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

export default function PlanPage() {
  const { t } = useTranslation();
  const { year } = useParams();
  const navigate = useNavigate();
  const { jurisdiction } = useSession();
  const { mayEdit } = usePlanningRoles();
  const [creating, setCreating] = useState(false);
  const [{ data, error }, refetchYears] = useQuery({ query: PlanYearsQuery });
  if (error) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const open = (planYear: number) => {
    setCreating(false);
    refetchYears({ requestPolicy: 'network-only' });
    void navigate(`/planning/plan/${planYear}`);
  };
  const suggestedYear = data.plans.length === 0 ? currentPlanYear(jurisdiction.fiscalYearStart, new Date()) : Math.max(...data.plans.map((p) => p.year)) + 1;
  if (data.plans.length === 0) {
    return (
      <>
        <PageTitle>{t('plan.title')}</PageTitle>
        <Text mb="md">{t('plan.noPlans')}</Text>
        {mayEdit && (
          <Section id="create-plan-heading" title={t('planSetup.create')}>
            <CreatePlanForm suggestedYear={suggestedYear} onCreated={open} />
          </Section>
        )}
      </>
    );
  }
  if (!year) return <Navigate to={`/planning/plan/${data.plans[0].year}`} replace />;
  const years = data.plans.map((p) => String(p.year));
  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md">
        <PageTitle>{t('plan.title')}</PageTitle>
        <Group align="flex-end">
          <Select
            label={t('plan.year')}
            data={years.includes(year) ? years : [year, ...years]}
            value={year}
            allowDeselect={false}
            onChange={(value) => value && void navigate(`/planning/plan/${value}`)}
            w={140}
          />
          {mayEdit && (
            <Button variant="default" onClick={() => setCreating(true)}>
              {t('planSetup.newYear')}
            </Button>
          )}
        </Group>
      </Group>
      <PlanYear key={year} year={Number(year)} onCopied={open} />
      {creating && (
        <Modal opened onClose={() => setCreating(false)} title={t('planSetup.create')} size="lg" closeButtonProps={{ 'aria-label': t('plan.cancel') }}>
          <CreatePlanForm suggestedYear={suggestedYear} onCreated={open} />
        </Modal>
      )}
    </>
  );
}

function PlanYear({ year, onCopied }: { year: number; onCopied: (year: number) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const maySubmit = useCan('submitPlan');
  const mayApprove = useCan('approvePlan');
  const { mayEdit } = usePlanningRoles();
  const [{ data, error, fetching }, refetch] = useQuery({ query: PlanQuery, variables: { year } });
  const [submitting, submit] = useMutation(SubmitPlanMutation);
  const [approving, approve] = useMutation(ApprovePlanMutation);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (error && !data) return <QueryError error={error} />;
  if (!data) return <Busy />;
  const { plan, planCapacity: check } = data;
  // A draft changes in place; an approved or active plan's change starts the next version; in review or closed nothing changes.
  const editable = plan.status === 'DRAFT' || plan.status === 'APPROVED' || plan.status === 'ACTIVE';
  const changed = (message: string) => {
    setNotice(message);
    reload();
  };

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
          {mayEdit && <CopyToNextYear year={year} onCopied={onCopied} />}
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
      <Remedies year={year} check={check} editable={editable} onApplied={(summary) => {
        setNotice(t('plan.applied', { summary }));
        reload();
      }} />
      <Activities year={year} plan={plan} editable={editable} mayEdit={mayEdit} onChanged={changed} />
      <PlanSettings year={year} plan={plan} mayChange={mayEdit && editable} onChanged={changed} />
      <Occasions year={year} plan={plan} mayChange={mayEdit && editable} onChanged={changed} />
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
      const answer = await client.query(PlanReportQuery, { year, format, language: reportLanguageOf(i18n.resolvedLanguage) }, { requestPolicy: 'network-only' }).toPromise();
      if (!answer.data) throw new Error(messageOf(answer.error));
      const { filename, contentType, content } = answer.data.planReport;
      saveFile(filename, contentType, content);
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
