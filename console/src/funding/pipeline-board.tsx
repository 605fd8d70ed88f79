import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { formatDate, formatMoney } from '../format';
import type { FundingApplicationFieldsFragment, FundingApplicationStage } from '../gql/graphql';
import { ListError } from '../planning/form-errors';
import { useSession } from '../session';
import { MoveFundingApplicationMutation, moveRefusal } from './pipeline-application';
import { needsDetails, STAGE_MOVES, STAGES } from './pipeline-stages';

/**
 * The pipeline as columns, one per stage. Each card's moves are buttons (Tab
 * and Enter, no dragging): a move that needs nothing more happens at once; an
 * award or letting a call go opens the application with that move's fields.
 */
export function PipelineBoard({ applications, mayEdit, onMoved }: { applications: readonly FundingApplicationFieldsFragment[]; mayEdit: boolean; onMoved: (message: string) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="pipeline-board-heading" data-testid="pipeline-board">
      <Title order={2} size="h4" id="pipeline-board-heading" mb={4}>
        {t('fundingWork.pipeline.board')}
      </Title>
      <Text size="sm" mb="sm">
        {t('fundingWork.pipeline.boardHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {STAGES.map((stage) => {
          const here = applications.filter((application) => application.stage === stage);
          return (
            <Paper key={stage} withBorder p="sm" radius="md" bg="gray.0" component="section" aria-labelledby={`column-${stage}`} data-testid={`column-${stage}`}>
              <Title order={3} size="h5" id={`column-${stage}`} mb="xs">
                {t('fundingWork.pipeline.column', { stage: t(`fundingWork.stages.${stage}`), count: here.length })}
              </Title>
              {here.length === 0 ? (
                <Text size="sm">{t('fundingWork.pipeline.empty')}</Text>
              ) : (
                <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {here.map((application) => (
                    <Card key={application.id} application={application} mayEdit={mayEdit} onMoved={onMoved} />
                  ))}
                </Stack>
              )}
            </Paper>
          );
        })}
      </SimpleGrid>
    </section>
  );
}

function Card({ application, mayEdit, onMoved }: { application: FundingApplicationFieldsFragment; mayEdit: boolean; onMoved: (message: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const navigate = useNavigate();
  const [refusal, setRefusal] = useState<string | undefined>();
  const [result, move] = useMutation(MoveFundingApplicationMutation);
  const titleId = `application-${application.id}-title`;

  const moveTo = async (stage: FundingApplicationStage) => {
    setRefusal(undefined);
    if (needsDetails(stage)) {
      void navigate(`/funding/pipeline/${encodeURIComponent(application.id)}?move=${stage}`);
      return;
    }
    const answer = await move({ id: application.id, input: { stage } });
    if (answer.error) {
      const errors = moveRefusal(answer.error);
      setRefusal([...Object.values(errors.byField), ...errors.general].join('; '));
    } else onMoved(t('fundingWork.pipeline.moved', { title: application.title, stage: t(`fundingWork.stages.${stage}`) }));
  };

  const requested = application.amountRequested;
  return (
    <Paper component="li" withBorder p="xs" radius="sm" data-testid="application-card" data-stage={application.stage}>
      <Anchor component={Link} to={`/funding/pipeline/${encodeURIComponent(application.id)}`} fw={600} id={titleId} aria-label={t('fundingWork.detail.open', { title: application.title })}>
        {application.title}
      </Anchor>
      <Stack gap={0} mt={2}>
        {application.funder && <Text size="sm">{application.funder}</Text>}
        {requested && <Text size="sm">{t('fundingWork.pipeline.requested', { amount: formatMoney(requested.amount, { ...jurisdiction, currency: requested.currency }) })}</Text>}
        {application.amountAwarded && (
          <Text size="sm" fw={600}>
            {t('fundingWork.pipeline.awarded', { amount: formatMoney(application.amountAwarded.amount, { ...jurisdiction, currency: application.amountAwarded.currency }) })}
          </Text>
        )}
        {application.deadline && <Text size="sm">{t('fundingWork.pipeline.deadline', { date: formatDate(application.deadline, jurisdiction) })}</Text>}
        {application.owner && <Text size="sm">{t('fundingWork.pipeline.owner', { name: application.owner })}</Text>}
        {application.reason && <Text size="sm">{t('fundingWork.pipeline.reason', { reason: t(`fundingWork.reasons.${application.reason}`) })}</Text>}
      </Stack>
      {mayEdit && STAGE_MOVES[application.stage].length > 0 && (
        <Group gap={4} mt="xs">
          {STAGE_MOVES[application.stage].map((stage) => (
            <Button key={stage} size="compact-xs" variant="default" aria-describedby={titleId} loading={result.fetching} onClick={() => void moveTo(stage)} data-move={stage}>
              {t('fundingWork.pipeline.moveTo', { stage: t(`fundingWork.stages.${stage}`) })}
            </Button>
          ))}
        </Group>
      )}
      <ListError message={refusal} />
    </Paper>
  );
}
