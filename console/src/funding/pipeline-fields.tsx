import { Group, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FundingApplicationInput } from '../gql/graphql';
import { DateField } from '../planning/date-field';
import { errorAt } from '../planning/form-errors';
import type { FieldErrors } from '../registry/field-errors';
import { useSession } from '../session';

/** The input paths the API names in its refusals of an application's fields. */
export const APPLICATION_FIELDS = ['title', 'opportunityId', 'funder', 'deadline', 'amountRequested', 'amountRequested.amount', 'amountRequested.currency', 'owner', 'notes'] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

/** What the add and edit forms hold: text as typed, the amount as Mantine's NumberInput gives it ('' when empty). */
export interface ApplicationFormState {
  title: string;
  opportunityId: string | null;
  funder: string;
  /** YYYY-MM-DD picked in the calendar, or the call's closing moment (ISO, UTC) taken from an opportunity. */
  deadline: string;
  amount: number | string;
  currency: string;
  owner: string;
  notes: string;
}

export function emptyApplication(currency: string): ApplicationFormState {
  return { title: '', opportunityId: null, funder: '', deadline: '', amount: '', currency, owner: '', notes: '' };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** The form as the API's input; empty text is left null, an amount only with its currency. */
export function applicationInput(state: ApplicationFormState): FundingApplicationInput {
  return {
    title: state.title.trim(),
    opportunityId: state.opportunityId,
    funder: orNull(state.funder),
    deadline: orNull(state.deadline),
    amountRequested: typeof state.amount === 'number' ? { amount: state.amount, currency: state.currency.trim().toUpperCase() } : null,
    owner: orNull(state.owner),
    notes: orNull(state.notes),
  };
}

/** Title, funder, deadline, amount requested and currency, owner and notes: the fields an application keeps besides its stage. */
export function ApplicationFields({
  prefix,
  state,
  onChange,
  errors,
}: {
  prefix: string;
  state: ApplicationFormState;
  onChange: (next: ApplicationFormState) => void;
  errors: FieldErrors<string>;
}) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  const set = <K extends keyof ApplicationFormState>(key: K, value: ApplicationFormState[K]) => onChange({ ...state, [key]: value });
  const moment = state.deadline.includes('T') ? new Intl.DateTimeFormat(jurisdiction.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(state.deadline)) : null;
  return (
    <Stack gap="sm">
      <TextInput id={`${prefix}-title`} label={t('fundingWork.fields.title')} required value={state.title} onChange={(event) => set('title', event.currentTarget.value)} error={errors.byField.title} />
      <Group grow align="flex-start">
        <TextInput id={`${prefix}-funder`} label={t('fundingWork.fields.funder')} value={state.funder} onChange={(event) => set('funder', event.currentTarget.value)} error={errors.byField.funder} />
        <DateField
          id={`${prefix}-deadline`}
          label={t('fundingWork.fields.deadline')}
          description={moment ? t('fundingWork.hints.deadlineKept', { moment }) : t('fundingWork.hints.deadline')}
          value={state.deadline.slice(0, 10)}
          onChange={(day) => set('deadline', day)}
          error={errors.byField.deadline}
        />
      </Group>
      <Group grow align="flex-start">
        <NumberInput
          id={`${prefix}-amount`}
          label={t('fundingWork.fields.amountRequested')}
          min={0}
          thousandSeparator
          value={state.amount}
          onChange={(value) => set('amount', value)}
          error={errorAt(errors, 'amountRequested', 'amountRequested.amount')}
        />
        <TextInput
          id={`${prefix}-currency`}
          label={t('fundingWork.fields.currency')}
          description={t('fundingWork.hints.currency')}
          maxLength={3}
          value={state.currency}
          onChange={(event) => set('currency', event.currentTarget.value)}
          error={errors.byField['amountRequested.currency']}
        />
        <TextInput id={`${prefix}-owner`} label={t('fundingWork.fields.owner')} description={t('fundingWork.hints.owner')} value={state.owner} onChange={(event) => set('owner', event.currentTarget.value)} error={errors.byField.owner} />
      </Group>
      <Textarea id={`${prefix}-notes`} label={t('fundingWork.fields.notes')} autosize minRows={2} value={state.notes} onChange={(event) => set('notes', event.currentTarget.value)} error={errors.byField.notes} />
    </Stack>
  );
}
