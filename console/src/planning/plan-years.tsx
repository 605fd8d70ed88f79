import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ERROR_COLOUR, GeneralErrors } from '../registry/feedback';
import { missingNumbers } from './form-errors';
import { type FieldErrors, refusalOf } from '../registry/field-errors';

const CreatePlanMutation = graphql(`
  mutation CreatePlan($year: Int!, $input: PlanSettingsInput) {
    createPlan(year: $year, input: $input) {
      year
    }
  }
`);

const CopyPlanMutation = graphql(`
  mutation CopyPlanToNextYear($fromYear: Int!) {
    copyPlanToNextYear(fromYear: $fromYear) {
      year
    }
  }
`);

const CREATE_FIELDS = ['year', 'staffDaysAvailable', 'budgetLines', 'budgetLines[0].amount'] as const;

/** Starts the plan of a year (version 1, a draft) with its own budget and staff-days; more lines are set on the plan. */
export function CreatePlanForm({ suggestedYear, onCreated }: { suggestedYear: number; onCreated: (year: number) => void }) {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | string>(suggestedYear);
  const [budget, setBudget] = useState<number | string>('');
  const [staffDays, setStaffDays] = useState<number | string>('');
  const [errors, setErrors] = useState<FieldErrors<(typeof CREATE_FIELDS)[number]>>({ byField: {}, general: [] });
  const [result, create] = useMutation(CreatePlanMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingNumbers({ year }, t('planSetup.required'));
    setErrors(missing ?? { byField: {}, general: [] });
    if (missing) return;
    const planYear = Number(year);
    const answer = await create({
      year: planYear,
      input: {
        budgetLines: typeof budget === 'number' ? [{ source: 'OWN', label: t('planSetup.ownBudgetLabel'), amount: budget }] : undefined,
        staffDaysAvailable: typeof staffDays === 'number' ? staffDays : undefined,
      },
    });
    if (answer.error) setErrors(refusalOf(CREATE_FIELDS, answer.error));
    else onCreated(planYear);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('planSetup.create')}>
      <Stack gap="sm">
        <Group align="flex-start" grow maw={720}>
          <NumberInput id="create-year" label={t('plan.year')} required allowDecimal={false} value={year} onChange={setYear} error={errors.byField.year} />
          <NumberInput id="create-budget" label={t('planSetup.fields.ownBudget')} min={0} value={budget} onChange={setBudget} error={errors.byField['budgetLines[0].amount'] ?? errors.byField.budgetLines} />
          <NumberInput id="create-staff-days" label={t('planSetup.fields.staffDaysAvailable')} min={0} value={staffDays} onChange={setStaffDays} error={errors.byField.staffDaysAvailable} />
        </Group>
        <GeneralErrors messages={errors.general} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('planSetup.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Drafts next year's plan from this one (recurring and postponed activities, own and partner budget). */
export function CopyToNextYear({ year, onCopied }: { year: number; onCopied: (year: number) => void }) {
  const { t } = useTranslation();
  const [result, copy] = useMutation(CopyPlanMutation);
  const [failed, setFailed] = useState<string[]>([]);
  const onCopy = async () => {
    setFailed([]);
    const answer = await copy({ fromYear: year });
    if (answer.data) onCopied(answer.data.copyPlanToNextYear.year);
    else if (answer.error) setFailed([answer.error.graphQLErrors[0]?.message ?? answer.error.message]);
  };
  return (
    <>
      <Button variant="default" loading={result.fetching} onClick={() => void onCopy()}>
        {t('planSetup.copy', { year: year + 1 })}
      </Button>
      {failed.length > 0 && (
        <Text component="div" w="100%">
          <GeneralErrors messages={failed} />
        </Text>
      )}
    </>
  );
}
