import { Button, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ActivityFrequency, ActivityMode, ActivityType, ImplementerKind, PlanQuery as PlanQueryResult } from '../gql/graphql';
import { ERROR_COLOUR } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { activityFieldsOf, activityInputOf, type ActivityRow, type ActivityState, type ImplementerState, initialActivityState, nextImplementerKey } from './activity-input';
import { DateField } from './date-field';
import { errorAt, FormErrors, ListError } from './form-errors';

export type PlanView = PlanQueryResult['plan'];
export type { ActivityRow };

/** What an activity can serve and involve: the active priorities and the jurisdiction's partners. */
const ActivityChoicesQuery = graphql(`
  query ActivityChoices {
    priorities(status: ACTIVE, first: 100) {
      nodes {
        id
        title
      }
    }
    partners(first: 100) {
      nodes {
        id
        name
        country
      }
    }
  }
`);

const AddActivityMutation = graphql(`
  mutation AddActivity($year: Int!, $input: ActivityInput!) {
    addActivity(year: $year, input: $input) {
      version
    }
  }
`);

const UpdateActivityMutation = graphql(`
  mutation UpdateActivity($year: Int!, $activityId: ID!, $input: ActivityInput!) {
    updateActivity(year: $year, activityId: $activityId, input: $input) {
      version
    }
  }
`);

export const ACTIVITY_TYPES: ActivityType[] = [
  'OUTBOUND_DELEGATION',
  'HOSTED_VISIT',
  'TRADE_MISSION',
  'ONLINE_EVENT',
  'YOUTH_EXCHANGE',
  'SCHOOL_PARTNERSHIP',
  'CULTURAL_EVENT',
  'INFORMATIONAL_EVENT',
  'PR_STATEMENT',
  'FUNDING_APPLICATION',
  'STAFF_EXCHANGE',
];
const FREQUENCIES: ActivityFrequency[] = ['ONE_OFF', 'QUARTERLY', 'ANNUAL', 'BIENNIAL'];
const MODES: ActivityMode[] = ['IN_PERSON', 'VIRTUAL', 'HYBRID', 'PR_ONLY'];
const IMPLEMENTER_KINDS: ImplementerKind[] = ['NGO', 'SCHOOL', 'CHAMBER', 'UNIVERSITY', 'BUSINESS', 'OTHER'];

/** Adds an activity to the plan year, or changes one (the API writes into the draft, or starts the next version after approval). */
export function ActivityForm({ year, plan, activity, onSaved, onCancel }: { year: number; plan: PlanView; activity?: ActivityRow; onSaved: (title: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ActivityState>(() => initialActivityState(activity));
  const [errors, setErrors] = useState<FieldErrors<string>>({ byField: {}, general: [] });
  const [choices] = useQuery({ query: ActivityChoicesQuery });
  const [adding, addActivity] = useMutation(AddActivityMutation);
  const [updating, updateActivity] = useMutation(UpdateActivityMutation);
  const set = <K extends keyof ActivityState>(key: K, value: ActivityState[K]) => setState((previous) => ({ ...previous, [key]: value }));
  const at = (...fields: string[]) => errorAt(errors, ...fields);
  const setImplementer = (index: number, change: Partial<ImplementerState>) => set('implementers', state.implementers.map((implementer, i) => (i === index ? { ...implementer, ...change } : implementer)));

  // A priority retired since the activity was planned stays listed, so the person sees it and can take it off.
  const priorityData = [
    ...(choices.data?.priorities.nodes ?? []).map((priority) => ({ value: priority.id, label: priority.title })),
    ...state.priorityIds.filter((id) => !choices.data?.priorities.nodes.some((p) => p.id === id)).map((id) => ({ value: id, label: id })),
  ];
  const partnerData = [
    ...(choices.data?.partners.nodes ?? []).map((partner) => ({ value: partner.id, label: partner.country ? `${partner.name} (${partner.country})` : partner.name })),
    ...state.partnerIds.filter((id) => !choices.data?.partners.nodes.some((p) => p.id === id)).map((id) => ({ value: id, label: id })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({ byField: {}, general: [] });
    const input = activityInputOf(state, activity !== undefined);
    const answer = activity ? await updateActivity({ year, activityId: activity.id, input }) : await addActivity({ year, input });
    if (answer.error) {
      setErrors(refusalOf(activityFieldsOf(state), answer.error));
      return;
    }
    onSaved(state.title);
  };

  const prefix = activity ? 'edit-activity' : 'activity';
  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={activity ? t('activityEditor.editTitle', { title: activity.title }) : t('activityEditor.addTitle')}>
      <Stack gap="sm">
        <TextInput id={`${prefix}-title`} label={t('activityEditor.fields.title')} required data-autofocus value={state.title} onChange={(event) => set('title', event.currentTarget.value)} error={at('title')} />
        <Group grow align="flex-start">
          <Select
            id={`${prefix}-type`}
            label={t('activityEditor.fields.type')}
            data={ACTIVITY_TYPES.map((value) => ({ value, label: t(`enums.ActivityType.${value}`) }))}
            value={state.type}
            onChange={(value) => value && set('type', value as ActivityType)}
            allowDeselect={false}
            error={at('type')}
          />
          <Select
            id={`${prefix}-mode`}
            label={t('activityEditor.fields.mode')}
            data={MODES.map((value) => ({ value, label: t(`enums.ActivityMode.${value}`) }))}
            value={state.mode}
            onChange={(value) => value && set('mode', value as ActivityMode)}
            allowDeselect={false}
            error={at('mode')}
          />
        </Group>
        <MultiSelect
          id={`${prefix}-priorities`}
          label={t('activityEditor.fields.priorities')}
          description={t('activityEditor.hints.priorities')}
          data={priorityData}
          value={state.priorityIds}
          onChange={(value) => set('priorityIds', value)}
          searchable
          error={at('priorityIds', ...state.priorityIds.map((_, i) => `priorityIds[${i}]`))}
        />
        <MultiSelect
          id={`${prefix}-partners`}
          label={t('activityEditor.fields.partners')}
          data={partnerData}
          value={state.partnerIds}
          onChange={(value) => set('partnerIds', value)}
          searchable
          error={at('partnerIds', ...state.partnerIds.map((_, i) => `partnerIds[${i}]`))}
        />
        <Group grow align="flex-start">
          <TextInput id={`${prefix}-country`} label={t('activityEditor.fields.country')} description={t('partners.hints.country')} value={state.country} onChange={(event) => set('country', event.currentTarget.value)} error={at('country')} />
          <TextInput id={`${prefix}-city`} label={t('activityEditor.fields.city')} value={state.city} onChange={(event) => set('city', event.currentTarget.value)} error={at('city')} />
        </Group>
        <Group grow align="flex-start">
          <DateField id={`${prefix}-window-start`} label={t('activityEditor.fields.windowStart')} value={state.windowStart} min={plan.periodStart} max={plan.periodEnd} onChange={(value) => set('windowStart', value)} error={at('windowStart')} />
          <DateField id={`${prefix}-window-end`} label={t('activityEditor.fields.windowEnd')} value={state.windowEnd} min={state.windowStart || plan.periodStart} max={plan.periodEnd} onChange={(value) => set('windowEnd', value)} error={at('windowEnd')} />
        </Group>
        <Group grow align="flex-start">
          <Select
            id={`${prefix}-frequency`}
            label={t('activityEditor.fields.frequency')}
            data={FREQUENCIES.map((value) => ({ value, label: t(`enums.ActivityFrequency.${value}`) }))}
            value={state.frequency}
            onChange={(value) => value && set('frequency', value as ActivityFrequency)}
            allowDeselect={false}
            error={at('frequency')}
          />
          {state.frequency === 'BIENNIAL' && (
            <NumberInput id={`${prefix}-cycle-year`} label={t('activityEditor.fields.cycleYear')} description={t('activityEditor.hints.cycleYear', { year })} allowDecimal={false} value={state.cycleYear} onChange={(value) => set('cycleYear', value)} error={at('cycleYear')} />
          )}
          <TextInput id={`${prefix}-lead`} label={t('activityEditor.fields.leadDepartment')} value={state.leadDepartment} onChange={(event) => set('leadDepartment', event.currentTarget.value)} error={at('leadDepartment')} />
        </Group>
        <Text fw={600} size="sm">
          {t('activityEditor.costPerOccurrence', { currency: plan.currency })}
        </Text>
        <Group grow align="flex-start">
          <NumberInput id={`${prefix}-own`} label={t('activityEditor.fields.own')} min={0} value={state.own} onChange={(value) => set('own', value)} error={at('costPerOccurrence.own', 'costPerOccurrence')} />
          <NumberInput id={`${prefix}-external`} label={t('activityEditor.fields.external')} min={0} value={state.external} onChange={(value) => set('external', value)} error={at('costPerOccurrence.external')} />
          <NumberInput id={`${prefix}-partner`} label={t('activityEditor.fields.partner')} min={0} value={state.partner} onChange={(value) => set('partner', value)} error={at('costPerOccurrence.partner')} />
          <NumberInput id={`${prefix}-staff-days`} label={t('activityEditor.fields.staffDays')} min={0} value={state.staffDays} onChange={(value) => set('staffDays', value)} error={at('staffDaysPerOccurrence')} />
        </Group>
        <Text fw={600} size="sm">
          {t('activityEditor.implementers')}
        </Text>
        <ListError message={at('implementers')} />
        {state.implementers.map((implementer, i) => (
          <Group key={implementer.key} align="flex-end" grow preventGrowOverflow={false}>
            <TextInput id={`${prefix}-implementer-${i}-name`} label={t('activityEditor.fields.implementerName')} required value={implementer.name} onChange={(event) => setImplementer(i, { name: event.currentTarget.value })} error={at(`implementers[${i}].name`)} />
            <Select
              id={`${prefix}-implementer-${i}-kind`}
              label={t('activityEditor.fields.implementerKind')}
              data={IMPLEMENTER_KINDS.map((value) => ({ value, label: t(`planningEnums.ImplementerKind.${value}`) }))}
              value={implementer.kind}
              onChange={(value) => value && setImplementer(i, { kind: value as ImplementerKind })}
              allowDeselect={false}
              error={at(`implementers[${i}].kind`)}
            />
            <Button variant="outline" color="red.9" style={{ flexGrow: 0 }} onClick={() => set('implementers', state.implementers.filter((_, j) => j !== i))} aria-label={t('activityEditor.removeImplementerNamed', { name: implementer.name || i + 1 })}>
              {t('activityEditor.removeImplementer')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="default" size="xs" onClick={() => set('implementers', [...state.implementers, { key: nextImplementerKey(), name: '', kind: 'OTHER' }])}>
            {t('activityEditor.addImplementer')}
          </Button>
        </Group>
        <FormErrors errors={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('plan.cancel')}
          </Button>
          <Button type="submit" loading={adding.fetching || updating.fetching}>
            {activity ? t('activityEditor.save') : t('activityEditor.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
