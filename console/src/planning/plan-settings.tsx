import { Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { formatMoney, formatNumber } from '../format';
import { graphql } from '../gql';
import type { FundingSource, PlanSettingsInput } from '../gql/graphql';
import { ERROR_COLOUR, GeneralErrors, Section } from '../registry/feedback';
import { type FieldErrors, refusalOf } from '../registry/field-errors';
import { useSession } from '../session';
import type { PlanView } from './activity-form';
import { errorAt, ListError, missingNumbers } from './form-errors';

const UpdatePlanSettingsMutation = graphql(`
  mutation UpdatePlanSettings($year: Int!, $input: PlanSettingsInput!) {
    updatePlanSettings(year: $year, input: $input) {
      version
    }
  }
`);

const AddFundingLineMutation = graphql(`
  mutation AddFundingLine($year: Int!, $input: FundingLineInput!) {
    addFundingLine(year: $year, input: $input) {
      version
    }
  }
`);

const SOURCES: FundingSource[] = ['OWN', 'EXTERNAL', 'PARTNER'];

interface LineState {
  key: string;
  lineId?: string;
  source: FundingSource;
  label: string;
  amount: number | string;
  fundingReference: string;
}

let lineKeys = 0;

/** The budget lines, staff-days and opportunistic allowance (updatePlanSettings replaces the lines), and an external funding line added on its own. */
export function PlanSettings({ year, plan, mayChange, onChanged }: { year: number; plan: PlanView; mayChange: boolean; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const { jurisdiction } = useSession();
  return (
    <Section id="budget-heading" title={t('planSetup.budget')} testId="plan-settings">
      {mayChange ? (
        <Stack gap="lg">
          <SettingsForm key={`${plan.version}-${plan.updatedAt}`} year={year} plan={plan} onSaved={() => onChanged(t('planSetup.settingsSaved'))} />
          <FundingLineForm year={year} onAdded={(label) => onChanged(t('planSetup.fundingLineAdded', { label }))} />
        </Stack>
      ) : (
        <Stack gap="xs">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('planSetup.fields.source')}</Table.Th>
                <Table.Th scope="col">{t('planSetup.fields.label')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('planSetup.fields.amount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.budgetLines.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td>{t(`planningEnums.FundingSource.${line.source}`)}</Table.Td>
                  <Table.Td>{line.label}</Table.Td>
                  <Table.Td ta="right">{formatMoney(line.amount, jurisdiction)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm">{t('planSetup.staffAndAllowance', { days: formatNumber(plan.staffDaysAvailable, jurisdiction), allowance: plan.opportunisticAllowance })}</Text>
        </Stack>
      )}
    </Section>
  );
}

function SettingsForm({ year, plan, onSaved }: { year: number; plan: PlanView; onSaved: () => void }) {
  const { t } = useTranslation();
  const [lines, setLines] = useState<LineState[]>(() =>
    plan.budgetLines.map((line) => ({ key: line.id, lineId: line.id, source: line.source, label: line.label, amount: line.amount, fundingReference: line.fundingReference ?? '' })),
  );
  const [staffDays, setStaffDays] = useState<number | string>(plan.staffDaysAvailable);
  const [allowance, setAllowance] = useState<number | string>(plan.opportunisticAllowance);
  const [errors, setErrors] = useState<FieldErrors<string>>({ byField: {}, general: [] });
  const [result, update] = useMutation(UpdatePlanSettingsMutation);
  const at = (...fields: string[]) => errorAt(errors, ...fields);
  const setLine = (index: number, change: Partial<LineState>) => setLines(lines.map((line, i) => (i === index ? { ...line, ...change } : line)));
  const fields = ['budgetLines', 'staffDaysAvailable', 'opportunisticAllowance', ...lines.flatMap((_, i) => ['', '.lineId', '.source', '.label', '.amount', '.fundingReference'].map((name) => `budgetLines[${i}]${name}`))];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingNumbers(Object.fromEntries(lines.map((line, i) => [`budgetLines[${i}].amount`, line.amount])), t('planSetup.required'));
    setErrors(missing ?? { byField: {}, general: [] });
    if (missing) return;
    const input: PlanSettingsInput = {
      budgetLines: lines.map((line) => ({
        lineId: line.lineId,
        source: line.source,
        label: line.label,
        amount: Number(line.amount),
        fundingReference: line.fundingReference.trim() === '' ? undefined : line.fundingReference.trim(),
      })),
      // Left empty, the plan keeps what it has.
      staffDaysAvailable: typeof staffDays === 'number' ? staffDays : undefined,
      opportunisticAllowance: typeof allowance === 'number' ? allowance : undefined,
    };
    const answer = await update({ year, input });
    if (answer.error) setErrors(refusalOf(fields, answer.error));
    else onSaved();
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-label={t('planSetup.budget')}>
      <Stack gap="sm">
        <ListError message={at('budgetLines')} />
        {lines.map((line, i) => (
          <Group key={line.key} align="flex-end" grow preventGrowOverflow={false} data-testid="budget-line">
            <Select
              id={`line-${i}-source`}
              label={t('planSetup.fields.source')}
              data={SOURCES.map((value) => ({ value, label: t(`planningEnums.FundingSource.${value}`) }))}
              value={line.source}
              onChange={(value) => value && setLine(i, { source: value as FundingSource })}
              allowDeselect={false}
              error={at(`budgetLines[${i}].source`)}
            />
            <TextInput id={`line-${i}-label`} label={t('planSetup.fields.label')} required value={line.label} onChange={(event) => setLine(i, { label: event.currentTarget.value })} error={at(`budgetLines[${i}].label`, `budgetLines[${i}].lineId`, `budgetLines[${i}]`)} />
            <NumberInput id={`line-${i}-amount`} label={t('planSetup.fields.amount')} required min={0} value={line.amount} onChange={(value) => setLine(i, { amount: value })} error={at(`budgetLines[${i}].amount`)} />
            <TextInput id={`line-${i}-reference`} label={t('planSetup.fields.fundingReference')} value={line.fundingReference} onChange={(event) => setLine(i, { fundingReference: event.currentTarget.value })} error={at(`budgetLines[${i}].fundingReference`)} />
            <Button variant="outline" color="red.9" style={{ flexGrow: 0 }} onClick={() => setLines(lines.filter((_, j) => j !== i))} aria-label={t('planSetup.removeLineNamed', { label: line.label || i + 1 })}>
              {t('assets.remove')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="default" size="xs" onClick={() => setLines([...lines, { key: `new-${(lineKeys += 1)}`, source: 'OWN', label: '', amount: '', fundingReference: '' }])}>
            {t('planSetup.addLine')}
          </Button>
        </Group>
        <Group grow align="flex-start" maw={640}>
          <NumberInput id="staff-days-available" label={t('planSetup.fields.staffDaysAvailable')} min={0} value={staffDays} onChange={setStaffDays} error={at('staffDaysAvailable')} />
          <NumberInput id="opportunistic-allowance" label={t('planSetup.fields.opportunisticAllowance')} description={t('planSetup.hints.opportunisticAllowance')} min={0} max={100} allowDecimal={false} value={allowance} onChange={setAllowance} error={at('opportunisticAllowance')} />
        </Group>
        <GeneralErrors messages={errors.general} />
        <Group>
          <Button type="submit" loading={result.fetching}>
            {t('planSetup.saveSettings')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// addFundingLine names its fields under line (line.amount).
const FUNDING_FIELDS = ['line.label', 'line.amount', 'line.fundingReference', 'line.source'] as const;

function FundingLineForm({ year, onAdded }: { year: number; onAdded: (label: string) => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [amount, setAmount] = useState<number | string>('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FieldErrors<(typeof FUNDING_FIELDS)[number]>>({ byField: {}, general: [] });
  const [result, add] = useMutation(AddFundingLineMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingNumbers({ 'line.amount': amount }, t('planSetup.required'));
    setErrors(missing ?? { byField: {}, general: [] });
    if (missing) return;
    const answer = await add({ year, input: { label, amount: Number(amount), fundingReference: reference.trim() === '' ? undefined : reference.trim() } });
    if (answer.error) setErrors(refusalOf(FUNDING_FIELDS, answer.error));
    else onAdded(label);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate style={ERROR_COLOUR} aria-labelledby="funding-line-heading">
      <Text fw={600} id="funding-line-heading" mb="xs">
        {t('planSetup.fundingLine')}
      </Text>
      <Group align="flex-start" grow>
        <TextInput id="funding-label" label={t('planSetup.fields.label')} required value={label} onChange={(event) => setLabel(event.currentTarget.value)} error={errors.byField['line.label']} />
        <NumberInput id="funding-amount" label={t('planSetup.fields.amount')} required min={0} value={amount} onChange={setAmount} error={errors.byField['line.amount']} />
        <TextInput id="funding-reference" label={t('planSetup.fields.fundingReference')} value={reference} onChange={(event) => setReference(event.currentTarget.value)} error={errors.byField['line.fundingReference']} />
      </Group>
      <GeneralErrors messages={[...errors.general, ...(errors.byField['line.source'] ? [errors.byField['line.source']] : [])]} />
      <Button type="submit" mt="sm" variant="default" loading={result.fetching}>
        {t('planSetup.addFundingLine')}
      </Button>
    </form>
  );
}
