import { Alert, Badge, Button, Group, Modal, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { FITS, WARNING_TEXT } from '../colors';
import { QueryError } from '../query-error';
import { useCan } from '../session';
import type { CapacityCheck } from './capacity-charts';

const ApplyRemedyMutation = graphql(`
  mutation ApplyRemedy($year: Int!, $input: ApplyRemedyInput!) {
    applyRemedy(year: $year, input: $input) {
      decision {
        id
        summary
      }
      check {
        fits
      }
    }
  }
`);

type Remedy = CapacityCheck['remedies'][number];

const SHOWN_FIRST = 5;

export function Remedies({ year, check, editable, onApplied }: { year: number; check: CapacityCheck; editable: boolean; onApplied: (summary: string) => void }) {
  const { t } = useTranslation();
  const mayApply = useCan('applyRemedy') && editable;
  const [chosen, setChosen] = useState<Remedy | null>(null);
  // The best few first: a plan far over budget can have a dozen or more, one per activity and kind.
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? check.remedies : check.remedies.slice(0, SHOWN_FIRST);
  return (
    <section aria-labelledby="remedies-heading">
      <Title order={2} size="h4" id="remedies-heading" mb="xs">
        {t('plan.remedies')}
      </Title>
      {check.remedies.length === 0 ? (
        <Text>{t('plan.noRemedies')}</Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((remedy) => (
            <Paper key={`${remedy.kind}-${remedy.activityId}`} component="li" withBorder p="sm" radius="md" data-testid="remedy" data-kind={remedy.kind}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Text fw={600}>
                    {remedy.rank}. {remedy.summary}
                  </Text>
                  {remedy.fitsAfter && (
                    <Badge color={FITS} variant="filled" w="fit-content">
                      {t('plan.fitsAfter')}
                    </Badge>
                  )}
                  {remedy.warning && (
                    <Text size="sm" c={WARNING_TEXT}>
                      {remedy.warning}
                    </Text>
                  )}
                </Stack>
                {mayApply && (
                  <Button size="xs" variant="light" style={{ flexShrink: 0 }} onClick={() => setChosen(remedy)} aria-label={`${t('plan.apply')}: ${remedy.summary}`}>
                    {t('plan.apply')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      {check.remedies.length > SHOWN_FIRST && (
        <Button variant="subtle" mt="xs" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
          {showAll ? t('plan.showFewer') : t('plan.showAll', { count: check.remedies.length })}
        </Button>
      )}
      {chosen && (
        <ApplyDialog
          year={year}
          remedy={chosen}
          onClose={() => setChosen(null)}
          onApplied={(summary) => {
            setChosen(null);
            onApplied(summary);
          }}
        />
      )}
    </section>
  );
}

/** Applying a remedy is a decision: it asks why, and the API records the answer with who took it. */
function ApplyDialog({ year, remedy, onClose, onApplied }: { year: number; remedy: Remedy; onClose: () => void; onApplied: (summary: string) => void }) {
  const { t } = useTranslation();
  const [rationale, setRationale] = useState('');
  const [missing, setMissing] = useState(false);
  const [result, apply] = useMutation(ApplyRemedyMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (rationale.trim() === '') {
      setMissing(true);
      return;
    }
    const answer = await apply({ year, input: { kind: remedy.kind, activityId: remedy.activityId, rationale: rationale.trim() } });
    if (answer.data) onApplied(answer.data.applyRemedy.decision.summary);
  };
  return (
    <Modal opened onClose={onClose} title={t('plan.applyTitle', { rank: remedy.rank })} size="lg" closeButtonProps={{ 'aria-label': t('plan.cancel') }}>
      <form onSubmit={(event) => void submit(event)} aria-busy={result.fetching}>
        <Stack gap="sm">
          <Text>{remedy.summary}</Text>
          {remedy.warning && (
            <Alert color={WARNING_TEXT} variant="light">
              {remedy.warning}
            </Alert>
          )}
          <Textarea
            label={t('plan.rationale')}
            description={t('plan.rationaleHint')}
            required
            autosize
            minRows={3}
            data-autofocus
            value={rationale}
            error={missing ? t('plan.rationaleRequired') : undefined}
            onChange={(event) => {
              setRationale(event.currentTarget.value);
              setMissing(false);
            }}
          />
          {result.fetching && <Progress value={100} animated striped aria-label={t('app.loading')} />}
          {result.error && <QueryError error={result.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('plan.cancel')}
            </Button>
            <Button type="submit" loading={result.fetching}>
              {t('plan.confirmApply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
