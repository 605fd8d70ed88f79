import { Anchor, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { formatDate, formatMoney } from '../format';
import { graphql } from '../gql';
import type { FundingApplicationFieldsFragment, FundingApplicationStage, MoveFundingApplicationInput, NotPursuedReason } from '../gql/graphql';
import { DateField } from '../planning/date-field';
import { errorAt, FormErrors } from '../planning/form-errors';
import { ERROR_COLOUR } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { HistoryEntries, type HistoryEntry } from '../registry/record-history';
import { useSession } from '../session';
import { FollowToggle } from './follow-toggle';
import { APPLICATION_FIELDS, ApplicationFields, type ApplicationFormState, applicationInput } from './pipeline-fields';
import { isFinal, STAGE_MOVES } from './pipeline-stages';
import { StageBadge } from './stage-badge';

export const UpdateFundingApplicationMutation = graphql(`
  mutation UpdateFundingApplication($id: ID!, $input: FundingApplicationChangesInput!) {
    updateFundingApplication(id: $id, input: $input) {
      ...FundingApplicationFields
    }
  }
`);

export const MoveFundingApplicationMutation = graphql(`
  mutation MoveFundingApplication($id: ID!, $input: MoveFundingApplicationInput!) {
    moveFundingApplication(id: $id, input: $input) {
      ...FundingApplicationFields
    }
  }
`);

const ApplicationOpportunityQuery = graphql(`
  query ApplicationOpportunity($id: ID!) {
    opportunity(id: $id) {
      id
      title
      url
      followed
    }
  }
`);

/** The call an application answers, with the Follow toggle (its changes alerted, its deadline reminded). */
function AnsweredCall({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: ApplicationOpportunityQuery, variables: { id: opportunityId } });
  const call = data?.opportunity;
  if (!call) return null;
  return (
    <Group gap="sm" data-testid="answered-call">
      <Text size="sm" fw={600} id="answered-call-title">
        {t('fundingWork.follows.call')}:{' '}
        {call.url ? (
          <Anchor href={call.url} target="_blank" rel="noreferrer" size="sm">
            {call.title}
          </Anchor>
        ) : (
          call.title
        )}
      </Text>
      <FollowToggle opportunityId={call.id} title={call.title} followed={call.followed} describedBy="answered-call-title" />
    </Group>
  );
}

const MOVE_FIELDS = ['stage', 'reason', 'reasonNote', 'amountAwarded', 'amountAwarded.amount', 'amountAwarded.currency', 'amountAwardedLocal', 'awardedOn', 'planYear'] as const;
const REASONS: readonly NotPursuedReason[] = ['NO_STAFF_CAPACITY', 'NO_MATCH_FUNDS', 'NOT_ELIGIBLE', 'OTHER'];

/** A refused move: the pipeline's CONFLICT (a move it does not allow, or a change meanwhile) names no field; it belongs at the stage chosen. */
export function moveRefusal(error: CombinedError): FieldErrors<string> {
  const found = refusalOf(MOVE_FIELDS, error);
  const conflicts = error.graphQLErrors.filter((e) => e.extensions?.['code'] === 'CONFLICT').map((e) => e.message);
  if (conflicts.length === 0) return found;
  return { byField: { ...found.byField, stage: conflicts.join('; ') }, general: found.general.filter((message) => !conflicts.includes(message)) };
}

/** An application at its own address: its details, the moves it may make, its fields to edit, and its history. */
export function ApplicationDetail({
  application,
  history,
  mayEdit,
  moveTo,
  onChanged,
}: {
  application: FundingApplicationFieldsFragment;
  history: readonly HistoryEntry[];
  mayEdit: boolean;
  moveTo: FundingApplicationStage | null;
  onChanged: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { jurisdiction } = useSession();
  const money = (amount: { amount: number; currency: string } | null | undefined) => (amount ? formatMoney(amount.amount, { ...jurisdiction, currency: amount.currency }) : t('fundingWork.detail.none'));
  const none = t('fundingWork.detail.none');
  const facts: Array<[string, string]> = [
    [t('fundingWork.fields.funder'), application.funder ?? none],
    [t('fundingWork.fields.deadline'), application.deadline ? formatDate(application.deadline, jurisdiction) : none],
    [t('fundingWork.fields.amountRequested'), money(application.amountRequested)],
    [t('fundingWork.fields.owner'), application.owner ?? none],
    ...(application.stage === 'AWARDED'
      ? ([
          [t('fundingWork.fields.amountAwarded'), money(application.amountAwarded)],
          [t('fundingWork.fields.amountAwardedLocal', { currency: jurisdiction.currency }), application.amountAwardedLocal === null || application.amountAwardedLocal === undefined ? none : formatMoney(application.amountAwardedLocal, jurisdiction)],
          [t('fundingWork.fields.awardedOn'), application.awardedOn ? formatDate(application.awardedOn, jurisdiction) : none],
          [t('fundingWork.fields.planYear'), application.planYear ? String(application.planYear) : none],
        ] as Array<[string, string]>)
      : []),
    ...(application.reason ? ([[t('fundingWork.fields.reason'), t(`fundingWork.reasons.${application.reason}`)]] as Array<[string, string]>) : []),
    ...(application.reasonNote ? ([[t('fundingWork.fields.reasonNote'), application.reasonNote]] as Array<[string, string]>) : []),
    [t('fundingWork.fields.notes'), application.notes ?? none],
  ];
  const historyField = (field: string) => (i18n.exists(`fundingWork.history.fields.${field}`) ? t(`fundingWork.history.fields.${field}`) : field);
  return (
    <Stack gap="md" data-testid="application-detail">
      <Group gap="xs">
        <StageBadge stage={application.stage} />
        <Text size="sm">{t('fundingWork.detail.stageSince', { date: formatDate(application.stageChangedAt, jurisdiction) })}</Text>
      </Group>
      {application.opportunityId && <AnsweredCall opportunityId={application.opportunityId} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" component="dl" style={{ margin: 0 }} aria-label={t('fundingWork.detail.facts')}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" fw={600}>
              {label}
            </Text>
            <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {mayEdit && (isFinal(application.stage) ? <Text size="sm">{t('fundingWork.detail.final', { stage: t(`fundingWork.stages.${application.stage}`) })}</Text> : <MoveForm key={`move-${application.updatedAt}`} application={application} moveTo={moveTo} onMoved={onChanged} />)}
      {mayEdit && <EditForm key={`edit-${application.updatedAt}`} application={application} onSaved={onChanged} />}
      <HistoryEntries entries={history} fieldName={historyField} />
    </Stack>
  );
}

function MoveForm({ application, moveTo, onMoved }: { application: FundingApplicationFieldsFragment; moveTo: FundingApplicationStage | null; onMoved: (message: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const allowed = STAGE_MOVES[application.stage];
  const [stage, setStage] = useState<FundingApplicationStage>(moveTo && allowed.includes(moveTo) ? moveTo : (allowed[0] ?? application.stage));
  const [amount, setAmount] = useState<number | string>(application.amountRequested?.amount ?? '');
  const [currency, setCurrency] = useState(application.amountRequested?.currency ?? jurisdiction.currency);
  const [local, setLocal] = useState<number | string>('');
  const [awardedOn, setAwardedOn] = useState('');
  const [planYear, setPlanYear] = useState<number | string>('');
  const [reason, setReason] = useState<NotPursuedReason | null>(null);
  const [reasonNote, setReasonNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors<string>>({ byField: {}, general: [] });
  const [result, move] = useMutation(MoveFundingApplicationMutation);
  const foreign = currency.trim().toUpperCase() !== jurisdiction.currency;
  const autofocus = moveTo !== null;

  const input = (): MoveFundingApplicationInput => {
    const note = reasonNote.trim() === '' ? null : reasonNote.trim();
    if (stage === 'NOT_PURSUED') return { stage, reason, reasonNote: note };
    if (stage !== 'AWARDED') return { stage };
    return {
      stage,
      amountAwarded: typeof amount === 'number' ? { amount, currency: currency.trim().toUpperCase() } : null,
      amountAwardedLocal: foreign && typeof local === 'number' ? local : null,
      awardedOn: awardedOn === '' ? null : awardedOn,
      planYear: typeof planYear === 'number' ? planYear : null,
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const answer = await move({ id: application.id, input: input() });
    if (answer.error) setErrors(moveRefusal(answer.error));
    else onMoved(t('fundingWork.pipeline.moved', { title: application.title, stage: t(`fundingWork.stages.${stage}`) }));
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('fundingWork.detail.move')}>
      <Title order={3} size="h5" mb="xs">
        {t('fundingWork.detail.move')}
      </Title>
      <Stack gap="sm">
        <Select
          id="move-stage"
          label={t('fundingWork.fields.stage')}
          data={allowed.map((value) => ({ value, label: t(`fundingWork.stages.${value}`) }))}
          value={stage}
          onChange={(value) => {
            if (value) setStage(value as FundingApplicationStage);
            setErrors({ byField: {}, general: [] });
          }}
          allowDeselect={false}
          error={errors.byField.stage}
          maw={320}
        />
        {stage === 'AWARDED' && (
          <>
            <Group grow align="flex-start">
              <NumberInput
                id="move-amount-awarded"
                label={t('fundingWork.fields.amountAwarded')}
                min={0}
                thousandSeparator
                value={amount}
                onChange={setAmount}
                error={errorAt(errors, 'amountAwarded', 'amountAwarded.amount')}
                data-autofocus={autofocus || undefined}
              />
              <TextInput
                id="move-award-currency"
                label={t('fundingWork.fields.awardCurrency')}
                description={t('fundingWork.hints.currency')}
                maxLength={3}
                value={currency}
                onChange={(event) => setCurrency(event.currentTarget.value)}
                error={errors.byField['amountAwarded.currency']}
              />
            </Group>
            {(foreign || errors.byField.amountAwardedLocal) && (
              <NumberInput
                id="move-amount-local"
                label={t('fundingWork.fields.amountAwardedLocal', { currency: jurisdiction.currency })}
                description={t('fundingWork.hints.amountAwardedLocal', { currency: jurisdiction.currency })}
                min={0}
                thousandSeparator
                value={local}
                onChange={setLocal}
                error={errors.byField.amountAwardedLocal}
              />
            )}
            <Group grow align="flex-start">
              <DateField id="move-awarded-on" label={t('fundingWork.fields.awardedOn')} value={awardedOn} onChange={setAwardedOn} error={errors.byField.awardedOn} />
              <NumberInput
                id="move-plan-year"
                label={t('fundingWork.fields.planYear')}
                description={t('fundingWork.hints.planYear')}
                allowDecimal={false}
                value={planYear}
                onChange={setPlanYear}
                error={errors.byField.planYear}
              />
            </Group>
          </>
        )}
        {stage === 'NOT_PURSUED' && (
          <>
            <Select
              id="move-reason"
              label={t('fundingWork.fields.reason')}
              data={REASONS.map((value) => ({ value, label: t(`fundingWork.reasons.${value}`) }))}
              value={reason}
              onChange={(value) => setReason(value as NotPursuedReason | null)}
              error={errors.byField.reason}
              maw={320}
              data-autofocus={autofocus || undefined}
            />
            <Textarea
              id="move-reason-note"
              label={t('fundingWork.fields.reasonNote')}
              description={t('fundingWork.hints.reasonNote')}
              autosize
              minRows={2}
              value={reasonNote}
              onChange={(event) => setReasonNote(event.currentTarget.value)}
              error={errors.byField.reasonNote}
            />
          </>
        )}
        <FormErrors errors={errors} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('fundingWork.detail.moveSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditForm({ application, onSaved }: { application: FundingApplicationFieldsFragment; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const [state, setState] = useState<ApplicationFormState>({
    title: application.title,
    opportunityId: application.opportunityId ?? null,
    funder: application.funder ?? '',
    deadline: application.deadline ?? '',
    amount: application.amountRequested?.amount ?? '',
    currency: application.amountRequested?.currency ?? jurisdiction.currency,
    owner: application.owner ?? '',
    notes: application.notes ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors<string>>({ byField: {}, general: [] });
  const [result, update] = useMutation(UpdateFundingApplicationMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const answer = await update({ id: application.id, input: applicationInput(state) });
    if (answer.error) setErrors(refusalOf(APPLICATION_FIELDS, answer.error));
    else onSaved(t('fundingWork.detail.saved', { title: state.title.trim() }));
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('fundingWork.detail.edit')}>
      <Title order={3} size="h5" mb="xs">
        {t('fundingWork.detail.edit')}
      </Title>
      <Stack gap="sm">
        <ApplicationFields prefix="edit-application" state={state} onChange={setState} errors={errors} />
        <FormErrors errors={errors} />
        <Group>
          <Button type="submit" variant="default" loading={result.fetching}>
            {t('fundingWork.detail.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
