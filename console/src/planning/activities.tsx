import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { formatMoney, formatNumber } from '../format';
import { graphql } from '../gql';
import type { ActivityProgressStatus } from '../gql/graphql';
import { ERROR_COLOUR, GeneralErrors } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { useSession } from '../session';
import { ActivityForm, type ActivityRow, type PlanView } from './activity-form';
import { DateField } from './date-field';

const RemoveActivityMutation = graphql(`
  mutation RemoveActivity($year: Int!, $activityId: ID!) {
    removeActivity(year: $year, activityId: $activityId) {
      version
    }
  }
`);

const RecordProgressMutation = graphql(`
  mutation RecordActivityProgress($year: Int!, $activityId: ID!, $input: ActivityProgressInput!) {
    recordActivityProgress(year: $year, activityId: $activityId, input: $input) {
      version
    }
  }
`);

type Dialog = { kind: 'add' } | { kind: 'edit'; activity: ActivityRow } | { kind: 'progress'; activity: ActivityRow } | null;

/**
 * The plan's activities. Staff and admins add, change and remove them while
 * the plan may change (a draft, or an approved plan whose edit starts the next
 * version), and record what happened to each (progress is not an edit).
 */
export function Activities({ year, plan, editable, mayEdit, onChanged }: { year: number; plan: PlanView; editable: boolean; mayEdit: boolean; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [, removeActivity] = useMutation(RemoveActivityMutation);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const mayChange = mayEdit && editable;
  const remove = async (activity: ActivityRow) => {
    if (!window.confirm(t('activityEditor.confirmRemove', { title: activity.title }))) return;
    setRemoveError(null);
    const answer = await removeActivity({ year, activityId: activity.id });
    if (answer.error) setRemoveError(answer.error.graphQLErrors[0]?.message ?? answer.error.message);
    else onChanged(t('activityEditor.removed', { title: activity.title }));
  };
  const done = (message: string) => {
    setDialog(null);
    onChanged(message);
  };
  return (
    <section aria-labelledby="activities-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="activities-heading">
          {t('plan.activities')}
        </Title>
        {mayChange && (
          <Button onClick={() => setDialog({ kind: 'add' })} data-testid="add-activity">
            {t('activityEditor.addTitle')}
          </Button>
        )}
      </Group>
      {removeError && (
        <Alert role="alert" color="red" variant="light" mb="sm">
          {t('app.failed', { message: removeError })}
        </Alert>
      )}
      {plan.activities.length === 0 ? (
        <Text>{t('activityEditor.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={960}>
          <Table striped highlightOnHover data-testid="activities">
            <Table.Thead>
              <Table.Tr>
                {(['title', 'type', 'frequency', 'occurrences', 'mode', 'status', 'cost', 'staffDays'] as const).map((column) => (
                  <Table.Th key={column} scope="col" ta={column === 'cost' || column === 'staffDays' || column === 'occurrences' ? 'right' : undefined}>
                    {t(`plan.columns.${column}`)}
                  </Table.Th>
                ))}
                {mayEdit && <Table.Th scope="col">{t('assets.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.activities.map((activity) => (
                <Table.Tr key={activity.id} data-testid="activity-row">
                  <Table.Td>{activity.title}</Table.Td>
                  <Table.Td>{t(`enums.ActivityType.${activity.type}`)}</Table.Td>
                  <Table.Td>{t(`enums.ActivityFrequency.${activity.frequency}`)}</Table.Td>
                  <Table.Td ta="right">{activity.occurrences}</Table.Td>
                  <Table.Td>{t(`enums.ActivityMode.${activity.mode}`)}</Table.Td>
                  <Table.Td>{t(`enums.ActivityStatus.${activity.status}`)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(activity.plannedCost.total, jurisdiction)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(activity.plannedStaffDays, jurisdiction)}</Table.Td>
                  {mayEdit && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {mayChange && (
                          <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'edit', activity })} aria-label={t('activityEditor.editNamed', { title: activity.title })}>
                            {t('assets.edit')}
                          </Button>
                        )}
                        <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'progress', activity })} aria-label={t('activityEditor.progressNamed', { title: activity.title })}>
                          {t('activityEditor.progress')}
                        </Button>
                        {mayChange && (
                          <Button size="xs" variant="outline" color="red.9" onClick={() => void remove(activity)} aria-label={t('activityEditor.removeNamed', { title: activity.title })}>
                            {t('assets.remove')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <Modal
          opened
          onClose={() => setDialog(null)}
          title={dialog.kind === 'edit' ? t('activityEditor.editTitle', { title: dialog.activity.title }) : t('activityEditor.addTitle')}
          size="xl"
          closeButtonProps={{ 'aria-label': t('plan.cancel') }}
        >
          <ActivityForm
            year={year}
            plan={plan}
            activity={dialog.kind === 'edit' ? dialog.activity : undefined}
            onCancel={() => setDialog(null)}
            onSaved={(title) => done(dialog.kind === 'edit' ? t('activityEditor.updated', { title }) : t('activityEditor.added', { title }))}
          />
        </Modal>
      )}
      {dialog?.kind === 'progress' && <ProgressDialog year={year} activity={dialog.activity} onClose={() => setDialog(null)} onRecorded={() => done(t('activityEditor.progressRecorded', { title: dialog.activity.title }))} />}
    </section>
  );
}

const PROGRESS_FIELDS = ['status', 'outcomes', 'actualCost', 'actualStaffDays', 'doneOn'] as const;
const PROGRESS_STATUSES: ActivityProgressStatus[] = ['CONFIRMED', 'DONE', 'CANCELLED'];

/** What happened to an activity: confirmed, done (outcomes, actual cost and staff-days, the day) or cancelled. */
function ProgressDialog({ year, activity, onClose, onRecorded }: { year: number; activity: ActivityRow; onClose: () => void; onRecorded: () => void }) {
  const { t } = useTranslation();
  const initial = activity.status === 'CONFIRMED' || activity.status === 'DONE' || activity.status === 'CANCELLED' ? activity.status : 'CONFIRMED';
  const [status, setStatus] = useState<ActivityProgressStatus>(initial);
  const [outcomes, setOutcomes] = useState(activity.outcomes ?? '');
  const [actualCost, setActualCost] = useState<number | string>(activity.actualCost ?? '');
  const [actualStaffDays, setActualStaffDays] = useState<number | string>(activity.actualStaffDays ?? '');
  const [doneOn, setDoneOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors<(typeof PROGRESS_FIELDS)[number]>>({ byField: {}, general: [] });
  const [result, record] = useMutation(RecordProgressMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const number = (value: number | string) => (typeof value === 'number' ? value : null);
    const answer = await record({
      year,
      activityId: activity.id,
      input: { status, outcomes: outcomes.trim() === '' ? null : outcomes, actualCost: number(actualCost), actualStaffDays: number(actualStaffDays), doneOn: doneOn === '' ? undefined : doneOn },
    });
    if (answer.error) setErrors(refusalOf(PROGRESS_FIELDS, answer.error));
    else onRecorded();
  };
  return (
    <Modal opened onClose={onClose} title={t('activityEditor.progressTitle', { title: activity.title })} size="lg" closeButtonProps={{ 'aria-label': t('plan.cancel') }}>
      <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR}>
        <Stack gap="sm">
          <Text size="sm">{t('activityEditor.progressHint')}</Text>
          <Select
            id="progress-status"
            label={t('activityEditor.fields.progressStatus')}
            data={PROGRESS_STATUSES.map((value) => ({ value, label: t(`enums.ActivityStatus.${value}`) }))}
            value={status}
            onChange={(value) => value && setStatus(value as ActivityProgressStatus)}
            allowDeselect={false}
            data-autofocus
            error={errors.byField.status}
          />
          <Textarea id="progress-outcomes" label={t('activityEditor.fields.outcomes')} autosize minRows={2} value={outcomes} onChange={(event) => setOutcomes(event.currentTarget.value)} error={errors.byField.outcomes} />
          <Group grow align="flex-start">
            <NumberInput id="progress-cost" label={t('activityEditor.fields.actualCost')} min={0} value={actualCost} onChange={setActualCost} error={errors.byField.actualCost} />
            <NumberInput id="progress-staff-days" label={t('activityEditor.fields.actualStaffDays')} min={0} value={actualStaffDays} onChange={setActualStaffDays} error={errors.byField.actualStaffDays} />
          </Group>
          {status === 'DONE' && <DateField id="progress-done-on" label={t('activityEditor.fields.doneOn')} description={t('activityEditor.hints.doneOn')} value={doneOn} onChange={setDoneOn} error={errors.byField.doneOn} />}
          <GeneralErrors messages={errors.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('plan.cancel')}
            </Button>
            <Button type="submit" loading={result.fetching}>
              {t('activityEditor.recordProgress')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
