import { randomUUID } from 'node:crypto';
import { isIsoCountryCode, PRIORITY_FOCI } from '@entente/contracts';
import { quoted } from '@entente/errors';
import { MAX_FIGURE, Problems, readChoice, readText } from '@entente/validation';
import { REGISTRY_RECORD_KINDS } from '../registry-records/registry-record.schema';
import type { EvidenceLink, Kpi, PriorityContent } from './priority.schema';

/** The limits the priority events also enforce (libs/contracts/src/planning/priority-events.v1.ts), and planning's own. */
export const PRIORITY_LIMITS = {
  title: 200,
  description: 4000,
  goalIds: 10,
  countries: 50,
  words: 30,
  word: 100,
  evidence: 50,
  kpis: 20,
  kpiName: 200,
  unit: 40,
  id: 100,
  reason: 2000,
} as const;

type Maybe<T> = T | null | undefined;

/** Untrusted input as GraphQL delivers it. */
export interface PriorityInput {
  title?: Maybe<string>;
  description?: Maybe<string>;
  goalIds?: Maybe<ReadonlyArray<string>>;
  focus?: Maybe<string>;
  targetCountries?: Maybe<ReadonlyArray<string>>;
  sectors?: Maybe<ReadonlyArray<string>>;
  themes?: Maybe<ReadonlyArray<string>>;
  evidence?: Maybe<ReadonlyArray<Maybe<{ kind?: Maybe<string>; recordId?: Maybe<string> }>>>;
  kpis?: Maybe<ReadonlyArray<Maybe<{ kpiId?: Maybe<string>; name?: Maybe<string>; unit?: Maybe<string>; baseline?: Maybe<number>; target?: Maybe<number>; current?: Maybe<number> }>>>;
  sdgs?: Maybe<ReadonlyArray<number>>;
}

export interface PriorityChangeInput extends PriorityInput {
  /** Only `active`: a retired priority comes back. Retiring goes through retirePriority, which records why. */
  status?: Maybe<string>;
}

const CONTENT_FIELDS = ['title', 'description', 'goalIds', 'focus', 'targetCountries', 'sectors', 'themes', 'evidence', 'kpis', 'sdgs'] as const satisfies ReadonlyArray<keyof PriorityContent>;

/** A new priority: title, focus and at least one goal of the strategy (`strategyGoalIds`) are required. */
export function parseNewPriority(input: PriorityInput, strategyGoalIds: readonly string[], newId: () => string = randomUUID): PriorityContent {
  const problems = new Problems();
  const content = readContent(problems, input, null, newId);
  checkGoals(problems, content.goalIds, strategyGoalIds);
  problems.throwIfAny();
  return content;
}

/**
 * A change: what is left out (or null) stays as it was; lists given replace
 * the whole list. The goals are checked when they change or the priority
 * comes back: a retired priority whose goal has left the strategy can still
 * have its title corrected.
 */
export function parsePriorityChange(
  input: PriorityChangeInput,
  before: PriorityContent,
  strategyGoalIds: readonly string[],
  newId: () => string = randomUUID,
): { content: PriorityContent; reactivate: boolean } {
  const problems = new Problems();
  const content = readContent(problems, input, before, newId);
  let reactivate = false;
  if (input.status != null) {
    if (input.status === 'active') reactivate = true;
    else problems.add('status', 'only ACTIVE can be set here (to bring a retired priority back); retire one with retirePriority, which records why');
  }
  if (input.goalIds != null || reactivate) checkGoals(problems, content.goalIds, strategyGoalIds);
  problems.throwIfAny();
  return { content, reactivate };
}

/**
 * Every goal must be one of the strategy's: a priority advances the
 * jurisdiction's own local goals or it is not one the strategy can justify.
 */
function checkGoals(problems: Problems, goalIds: readonly string[], strategyGoalIds: readonly string[]): void {
  if (goalIds.length === 0) problems.add('goalIds', noGoalMessage(strategyGoalIds.length));
  goalIds.forEach((goalId, index) => {
    if (!strategyGoalIds.includes(goalId)) {
      problems.add(`goalIds[${index}]`, `${quoted(goalId)} is not a goal of your strategy${strategyGoalIds.length === 0 ? '; your strategy has no goals yet (saveStrategy)' : ''}`);
    }
  });
}

/** The fields whose value differs, in a fixed order; what a changed event names. */
export function changedFields(before: PriorityContent, after: PriorityContent): string[] {
  return CONTENT_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** Whether any KPI has moved off its baseline: what the cap's retirement advice looks at. */
export function hasKpiProgress(kpis: readonly Kpi[]): boolean {
  return kpis.some((kpi) => kpi.current !== null && kpi.current !== kpi.baseline);
}

/** A reported KPI value: a finite number within the figures a record may hold. */
export function readKpiValue(problems: Problems, field: string, value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_FIGURE) {
    problems.add(field, `must be a number between -${MAX_FIGURE.toLocaleString('en')} and ${MAX_FIGURE.toLocaleString('en')}`);
    return null;
  }
  return value;
}

function noGoalMessage(strategyGoalCount: number): string {
  return strategyGoalCount === 0
    ? 'must name at least one local goal the priority advances; your strategy has no goals yet: add them with saveStrategy first'
    : 'must name at least one local goal of your strategy that the priority advances';
}

function readContent(problems: Problems, input: PriorityInput, before: PriorityContent | null, newId: () => string): PriorityContent {
  const keep = <K extends keyof PriorityContent>(field: K, read: () => PriorityContent[K]): PriorityContent[K] =>
    before !== null && input[field] == null ? before[field] : read();
  return {
    title: keep('title', () => readText(problems, 'title', input.title, { max: PRIORITY_LIMITS.title, required: true, singleLine: true }) ?? ''),
    description: before !== null && input.description === undefined ? before.description : readText(problems, 'description', input.description, { max: PRIORITY_LIMITS.description }),
    goalIds: keep('goalIds', () => readIds(problems, 'goalIds', input.goalIds, PRIORITY_LIMITS.goalIds)),
    focus: keep('focus', () => readChoice(problems, 'focus', input.focus, PRIORITY_FOCI) ?? 'shared-policy-priority'),
    targetCountries: keep('targetCountries', () => readCountries(problems, input.targetCountries)),
    sectors: keep('sectors', () => readWords(problems, 'sectors', input.sectors)),
    themes: keep('themes', () => readWords(problems, 'themes', input.themes)),
    evidence: keep('evidence', () => readEvidence(problems, input.evidence)),
    kpis: keep('kpis', () => readKpis(problems, input.kpis, before?.kpis ?? [], newId)),
    sdgs: keep('sdgs', () => readSdgs(problems, input.sdgs)),
  };
}

function readIds(problems: Problems, field: string, value: Maybe<ReadonlyArray<unknown>>, max: number): string[] {
  const ids: string[] = [];
  (value ?? []).forEach((item, index) => {
    const id = readText(problems, `${field}[${index}]`, item, { max: PRIORITY_LIMITS.id, required: true, singleLine: true });
    if (id !== null && !ids.includes(id)) ids.push(id);
  });
  if (ids.length > max) problems.add(field, `must list at most ${max} (got ${ids.length})`);
  return ids;
}

function readCountries(problems: Problems, value: Maybe<ReadonlyArray<unknown>>): string[] {
  const codes: string[] = [];
  (value ?? []).forEach((item, index) => {
    const code = typeof item === 'string' ? item.trim().toUpperCase() : '';
    if (!isIsoCountryCode(code)) problems.add(`targetCountries[${index}]`, `${quoted(item)} is not an ISO 3166-1 alpha-2 country code such as DK`);
    else if (!codes.includes(code)) codes.push(code);
  });
  if (codes.length > PRIORITY_LIMITS.countries) problems.add('targetCountries', `must list at most ${PRIORITY_LIMITS.countries} (got ${codes.length})`);
  return codes;
}

/** Sectors and themes: free words, once each whatever their case. */
function readWords(problems: Problems, field: string, value: Maybe<ReadonlyArray<unknown>>): string[] {
  const words: string[] = [];
  (value ?? []).forEach((item, index) => {
    const word = readText(problems, `${field}[${index}]`, item, { max: PRIORITY_LIMITS.word, required: true, singleLine: true });
    if (word !== null && !words.some((kept) => kept.toLowerCase() === word.toLowerCase())) words.push(word);
  });
  if (words.length > PRIORITY_LIMITS.words) problems.add(field, `must list at most ${PRIORITY_LIMITS.words} (got ${words.length})`);
  return words;
}

function readEvidence(problems: Problems, value: PriorityInput['evidence']): EvidenceLink[] {
  const links: EvidenceLink[] = [];
  const list = value ?? [];
  if (list.length > PRIORITY_LIMITS.evidence) {
    problems.add('evidence', `must list at most ${PRIORITY_LIMITS.evidence} (got ${list.length})`);
    return [];
  }
  list.forEach((item, index) => {
    if (item == null) return problems.add(`evidence[${index}]`, 'is required');
    const kind = readChoice(problems, `evidence[${index}].kind`, item.kind, REGISTRY_RECORD_KINDS);
    const recordId = readText(problems, `evidence[${index}].recordId`, item.recordId, { max: PRIORITY_LIMITS.id, required: true, singleLine: true });
    if (kind !== null && recordId !== null && !links.some((link) => link.kind === kind && link.recordId === recordId)) links.push({ kind, recordId });
  });
  return links;
}

/** A KPI given with the id of one the priority has keeps its reported value unless a new one is given. */
function readKpis(problems: Problems, value: PriorityInput['kpis'], previous: readonly Kpi[], newId: () => string): Kpi[] {
  const list = value ?? [];
  if (list.length > PRIORITY_LIMITS.kpis) {
    problems.add('kpis', `must list at most ${PRIORITY_LIMITS.kpis} (got ${list.length})`);
    return [];
  }
  const kpis: Kpi[] = [];
  list.forEach((item, index) => {
    const field = `kpis[${index}]`;
    if (item == null) return problems.add(field, 'is required');
    const kpiId = readText(problems, `${field}.kpiId`, item.kpiId, { max: PRIORITY_LIMITS.id, singleLine: true }) ?? newId();
    if (kpis.some((kpi) => kpi.kpiId === kpiId)) problems.add(`${field}.kpiId`, `repeats kpiId ${kpiId}; each must be different`);
    const kept = previous.find((kpi) => kpi.kpiId === kpiId);
    kpis.push({
      kpiId,
      name: readText(problems, `${field}.name`, item.name, { max: PRIORITY_LIMITS.kpiName, required: true, singleLine: true }) ?? '',
      unit: readText(problems, `${field}.unit`, item.unit, { max: PRIORITY_LIMITS.unit, required: true, singleLine: true }) ?? '',
      baseline: readKpiValue(problems, `${field}.baseline`, item.baseline) ?? 0,
      target: readKpiValue(problems, `${field}.target`, item.target) ?? 0,
      current: item.current === undefined ? (kept?.current ?? null) : item.current === null ? null : readKpiValue(problems, `${field}.current`, item.current),
    });
  });
  return kpis;
}

function readSdgs(problems: Problems, value: Maybe<ReadonlyArray<unknown>>): number[] {
  const goals = new Set<number>();
  (value ?? []).forEach((item, index) => {
    if (typeof item !== 'number' || !Number.isInteger(item) || item < 1 || item > 17) problems.add(`sdgs[${index}]`, 'must be a Sustainable Development Goal number from 1 to 17');
    else goals.add(item);
  });
  return [...goals].sort((a, b) => a - b);
}
