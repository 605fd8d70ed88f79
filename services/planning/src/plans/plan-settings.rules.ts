import { Problems, readChoice, readNonNegativeNumber, readText } from '@entente/validation';
import { type BudgetLine, FUNDING_SOURCES, type FundingSource } from './plan-content';

export const BUDGET_LINES_MAX = 50;
export const BUDGET_LABEL_MAX = 200;
/** A year has at most 366 days; a hundred people's worth is beyond any international office. */
export const STAFF_DAYS_AVAILABLE_MAX = 36_600;
export const OPPORTUNISTIC_ALLOWANCE_MAX = 100;
/** Without a word from the jurisdiction, a plan allows three activities that serve no priority before it warns. */
export const DEFAULT_OPPORTUNISTIC_ALLOWANCE = 3;

export interface BudgetLineInput {
  lineId?: unknown;
  source?: unknown;
  label?: unknown;
  amount?: unknown;
  fundingReference?: unknown;
}

export interface PlanSettingsInput {
  budgetLines?: readonly BudgetLineInput[] | null;
  staffDaysAvailable?: unknown;
  opportunisticAllowance?: unknown;
}

export interface PlanSettings {
  budgetLines?: BudgetLine[];
  staffDaysAvailable?: number;
  opportunisticAllowance?: number;
}

/**
 * The plan-level figures a person sets: budget lines by source, staff-days,
 * the allowance for opportunistic activities. Absent fields are left as they
 * are; lines without an id are new (`newId`).
 */
export function parsePlanSettings(input: PlanSettingsInput, newId: () => string): PlanSettings {
  const problems = new Problems();
  const settings: PlanSettings = {};
  if (input.budgetLines !== undefined && input.budgetLines !== null) {
    if (input.budgetLines.length > BUDGET_LINES_MAX) problems.add('budgetLines', `must list at most ${BUDGET_LINES_MAX}`);
    settings.budgetLines = input.budgetLines.slice(0, BUDGET_LINES_MAX).map((line, index) => readBudgetLine(problems, `budgetLines[${index}]`, line, newId));
    const ids = settings.budgetLines.map((line) => line.lineId);
    const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeated) problems.add('budgetLines', `line id ${repeated} appears twice`);
  }
  if (input.staffDaysAvailable !== undefined && input.staffDaysAvailable !== null) {
    const days = readNonNegativeNumber(problems, 'staffDaysAvailable', input.staffDaysAvailable);
    if (days !== null && days > STAFF_DAYS_AVAILABLE_MAX) problems.add('staffDaysAvailable', `must be at most ${STAFF_DAYS_AVAILABLE_MAX}`);
    else if (days !== null) settings.staffDaysAvailable = days;
  }
  if (input.opportunisticAllowance !== undefined && input.opportunisticAllowance !== null) {
    const allowance = input.opportunisticAllowance;
    if (typeof allowance !== 'number' || !Number.isInteger(allowance) || allowance < 0 || allowance > OPPORTUNISTIC_ALLOWANCE_MAX) {
      problems.add('opportunisticAllowance', `must be a whole number from 0 to ${OPPORTUNISTIC_ALLOWANCE_MAX}`);
    } else settings.opportunisticAllowance = allowance;
  }
  problems.throwIfAny();
  return settings;
}

export function readBudgetLine(problems: Problems, field: string, line: BudgetLineInput | null, newId: () => string, source?: FundingSource): BudgetLine {
  const lineId = readText(problems, `${field}.lineId`, line?.lineId, { max: 100, singleLine: true }) ?? newId();
  const chosen = source ?? readChoice(problems, `${field}.source`, line?.source, FUNDING_SOURCES);
  const label = readText(problems, `${field}.label`, line?.label, { max: BUDGET_LABEL_MAX, required: true, singleLine: true });
  const amount = readNonNegativeNumber(problems, `${field}.amount`, line?.amount);
  const fundingReference = readText(problems, `${field}.fundingReference`, line?.fundingReference, { max: 200, singleLine: true });
  return { lineId, source: chosen ?? 'own', label: label ?? '', amount: amount ?? 0, fundingReference };
}
