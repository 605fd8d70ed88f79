import { Modal, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { type CombinedError, useQuery } from 'urql';
import { Busy } from '../busy';
import { graphql } from '../gql';
import type { FundingApplicationFieldsFragment, FundingApplicationStage } from '../gql/graphql';
import { QueryError } from '../query-error';
import { Notice, Section } from '../registry/feedback';
import { RecordNotFound } from '../registry/not-found';
import { useCan, useSession } from '../session';
import { PageTitle } from '../shell';
import { CalendarLink } from './calendar-link';
import { AddApplication } from './pipeline-add';
import { ApplicationDetail } from './pipeline-application';
import { PipelineBoard } from './pipeline-board';
import { STAGES, stageTotals } from './pipeline-stages';

// recharts loads after the board.
const PipelineChart = lazy(() => import('./pipeline-chart'));

graphql(`
  fragment FundingApplicationFields on FundingApplication {
    id
    opportunityId
    title
    funder
    stage
    deadline
    amountRequested {
      amount
      currency
    }
    amountAwarded {
      amount
      currency
    }
    amountAwardedLocal
    awardedOn
    planYear
    reason
    reasonNote
    owner
    notes
    stageChangedAt
    updatedAt
  }
`);

const FundingApplicationsQuery = graphql(`
  query FundingApplications {
    fundingApplications(first: 100) {
      totalCount
      nodes {
        ...FundingApplicationFields
      }
    }
  }
`);

const FundingApplicationQuery = graphql(`
  query FundingApplication($id: ID!) {
    fundingApplication(id: $id) {
      ...FundingApplicationFields
      history {
        at
        byName
        action
        changes {
          field
          from
          to
        }
      }
    }
  }
`);

function isNotFound(error: CombinedError): boolean {
  return error.graphQLErrors.some((graphQLError) => graphQLError.extensions?.['code'] === 'NOT_FOUND');
}

/**
 * The jurisdiction's funding pipeline: the board, amounts per stage, adding
 * an application (staff and admins), the person's calendar link; an
 * application opens at its own address (`/funding/pipeline/<id>`, with
 * `?move=<STAGE>` to start that move). Another jurisdiction's application is
 * not found, nothing of it shown.
 */
export default function PipelinePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { jurisdiction } = useSession();
  const mayEdit = useCan('editPipeline');
  // A notice belongs to where it was said (the board, or one application): opening or closing an application leaves it behind.
  const [said, setSaid] = useState<{ message: string; where: string | undefined } | null>(null);
  const notice = said && said.where === id ? said.message : null;
  const setNotice = (message: string | null) => setSaid(message === null ? null : { message, where: id });
  const [{ data, error }, reexecute] = useQuery({ query: FundingApplicationsQuery, requestPolicy: 'cache-and-network' });
  const [opened, reopen] = useQuery({ query: FundingApplicationQuery, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });
  const changed = (message: string) => {
    setNotice(message);
    reexecute({ requestPolicy: 'network-only' });
    if (id) reopen({ requestPolicy: 'network-only' });
  };

  if (id && opened.error && isNotFound(opened.error)) {
    return <RecordNotFound title={t('fundingWork.pipeline.title')} message={t('fundingWork.detail.notFound')} back={t('fundingWork.detail.back')} to="/funding/pipeline" testId="application-not-found" />;
  }
  const applications: readonly FundingApplicationFieldsFragment[] = data?.fundingApplications.nodes ?? [];
  const { totals, foreign } = stageTotals(applications, jurisdiction.currency);
  const application = id ? opened.data?.fundingApplication : undefined;
  const moveParam = search.get('move');
  const moveTo = moveParam && (STAGES as readonly string[]).includes(moveParam) ? (moveParam as FundingApplicationStage) : null;

  return (
    <>
      <PageTitle>{t('fundingWork.pipeline.title')}</PageTitle>
      {!id && <Notice message={notice} onClose={() => setNotice(null)} />}
      <Stack gap="lg">
        {!mayEdit && <Text>{t('fundingWork.pipeline.viewerHint')}</Text>}
        {error ? <QueryError error={error} /> : !data ? <Busy /> : <PipelineBoard applications={applications} mayEdit={mayEdit} onMoved={changed} />}
        {data && (
          <Section id="pipeline-chart-heading" title={t('fundingWork.pipeline.chart')}>
            <Suspense fallback={<Busy />}>
              <PipelineChart totals={totals} foreign={foreign} />
            </Suspense>
          </Section>
        )}
        {mayEdit && (
          <Section id="add-application-heading" title={t('fundingWork.add.title')}>
            <AddApplication opportunityId={search.get('opportunity')} onAdded={(title) => changed(t('fundingWork.pipeline.added', { title }))} />
          </Section>
        )}
        <CalendarLink />
      </Stack>
      {id && (
        <Modal
          opened
          onClose={() => void navigate('/funding/pipeline')}
          title={t('fundingWork.detail.title', { title: application?.title ?? '' })}
          size="xl"
          closeButtonProps={{ 'aria-label': t('fundingWork.close') }}
        >
          <Notice message={notice} onClose={() => setNotice(null)} />
          {opened.error ? (
            <QueryError error={opened.error} />
          ) : !application ? (
            <Busy />
          ) : (
            <ApplicationDetail application={application} history={application.history} mayEdit={mayEdit} moveTo={moveTo} onChanged={changed} />
          )}
        </Modal>
      )}
    </>
  );
}
