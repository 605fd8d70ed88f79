import { quoted, ValidationError } from '@entente/errors';
import { parseRelationship } from '../relationships/relationship.rules';
import {
  ImportValidation,
  parseRelationshipCsvRow,
  readCsvRows,
  RELATIONSHIP_CSV_COLUMNS,
  RelationshipCsvRow,
  RowProblem,
  validateAssetsCsv,
  validatePartnersCsv,
  validateRows,
} from './csv-import';
import { deterministicId } from './import-job.rules';
import type { ImportStep, PartnerStep, RelationshipStep } from './import-step';
import { normalisePartnerName } from '../partners/partner-duplicates';
import type { TwinningImportPlan } from './twinning-import-plan';

/**
 * From a validated input to the steps a job applies, decided once while the
 * job validates: which records to create (each with its deterministic id),
 * which rows to leave out because what they describe is already there, and
 * every problem. A plan with problems applies nothing. Pure: the registry's
 * current partners and ties come in as arguments.
 */

export interface ImportPlan {
  readonly steps: ImportStep[];
  /** Rows or ties left out, each with why: the report of a job that succeeded. */
  readonly notes: RowProblem[];
  readonly skipped: number;
}

export type PlanResult = { readonly ok: true; readonly plan: ImportPlan } | { readonly ok: false; readonly problems: readonly RowProblem[] };

/** What a plan needs to know of a partner the jurisdiction already has. */
export interface KnownPartner {
  readonly partnerId: string;
  readonly name: string;
  readonly country: string | null;
  readonly wikidataId: string | null;
}

/** An existing relationship: a second one of the same type with the same partner is left out. */
export interface KnownTie {
  readonly partnerId: string;
  readonly type: string;
}

function nameKey(name: string, country: string): string {
  return `${normalisePartnerName(name)}\u0000${country}`;
}

/** A row left out of an import (csv-import.ts RowLeftOut), as a line of the report of the job that imported the rest. */
export function leftOutNote(problem: RowProblem): RowProblem {
  return { ...problem, reason: `row left out: ${problem.reason}` };
}

/** Plans the good rows; the rows left out come first in the notes, and count as skipped. */
function withRows<T>(validation: ImportValidation<T>, plan: (rows: ReadonlyArray<{ row: number; value: T }>) => PlanResult): PlanResult {
  if (!validation.ok) return { ok: false, problems: validation.problems };
  const result = plan(validation.rows);
  if (!result.ok || validation.leftOut.length === 0) return result;
  const notes = [...validation.leftOut.map(leftOutNote), ...result.plan.notes].sort((a, b) => a.row - b.row);
  return { ok: true, plan: { ...result.plan, notes, skipped: result.plan.skipped + new Set(validation.leftOut.map((p) => p.row)).size } };
}

/**
 * Partners: a row naming a partner the jurisdiction already has (same
 * Wikidata id, or same name and country ignoring case and accents), or one an
 * earlier row of the file names, is left out, so importing a file twice
 * creates nothing new.
 */
export function planPartnersCsv(jobId: string, text: string, partners: readonly KnownPartner[]): PlanResult {
  return withRows(validatePartnersCsv(text), (rows) => {
    const seen = new Map<string, string>();
    for (const partner of partners) {
      if (partner.wikidataId) seen.set(partner.wikidataId, `partner ${partner.partnerId} (${partner.name})`);
      if (partner.country) seen.set(nameKey(partner.name, partner.country), `partner ${partner.partnerId} (${partner.name})`);
    }
    const steps: PartnerStep[] = [];
    const notes: RowProblem[] = [];
    for (const { row, value } of rows) {
      const keys = [value.wikidataId, value.country ? nameKey(value.name, value.country) : undefined].filter((key): key is string => key !== undefined);
      const existing = keys.map((key) => seen.get(key)).find((found) => found !== undefined);
      if (existing !== undefined) {
        notes.push({ row, field: value.wikidataId && seen.get(value.wikidataId) ? 'wikidataId' : 'name', reason: `skipped: the same partner as ${existing}` });
        continue;
      }
      for (const key of keys) seen.set(key, `row ${row}`);
      steps.push({
        type: 'partner',
        row,
        id: deterministicId(jobId, `row:${row}`),
        partner: { name: value.name, kind: value.kind, country: value.country, ...(value.wikidataId !== undefined && { wikidataId: value.wikidataId }) },
      });
    }
    return { ok: true, plan: { steps, notes, skipped: notes.length } };
  });
}

/** Assets: every good row is a new asset (an inventory may hold two of one name, e.g. two campuses). */
export function planAssetsCsv(jobId: string, text: string, now: Date = new Date()): PlanResult {
  return withRows(validateAssetsCsv(text, now), (rows) => ({
    ok: true,
    plan: { steps: rows.map(({ row, value }) => ({ type: 'asset', row, id: deterministicId(jobId, `row:${row}`), asset: value })), notes: [], skipped: 0 },
  }));
}

function resolvePartner(reference: RelationshipCsvRow['partner'], partners: readonly KnownPartner[]): { partner: KnownPartner } | { field: string; reason: string } {
  switch (reference.by) {
    case 'partnerId': {
      const partner = partners.find((p) => p.partnerId === reference.partnerId);
      return partner ? { partner } : { field: 'partnerId', reason: `no partner ${reference.partnerId} in your jurisdiction; register or import the partner first` };
    }
    case 'partnerWikidataId': {
      const found = partners.filter((p) => p.wikidataId === reference.wikidataId);
      if (found.length === 1) return { partner: found[0] as KnownPartner };
      return found.length === 0
        ? { field: 'partnerWikidataId', reason: `no partner with Wikidata id ${reference.wikidataId} in your jurisdiction; register or import the partner first` }
        : { field: 'partnerWikidataId', reason: `${found.length} partners have Wikidata id ${reference.wikidataId} (${found.map((p) => p.partnerId).join(', ')}); merge them or use partnerId` };
    }
    case 'partnerName': {
      const key = nameKey(reference.name, reference.country);
      const found = partners.filter((p) => p.country !== null && nameKey(p.name, p.country) === key);
      if (found.length === 1) return { partner: found[0] as KnownPartner };
      return found.length === 0
        ? { field: 'partnerName', reason: `no partner ${quoted(reference.name)} in ${reference.country} in your jurisdiction; register or import the partner first` }
        : { field: 'partnerName', reason: `${found.length} partners are called ${quoted(reference.name)} in ${reference.country} (${found.map((p) => p.partnerId).join(', ')}); use partnerId` };
    }
  }
}

/**
 * Relationships: each row's partner must already be in the jurisdiction
 * (a row that cannot be resolved is a problem of that row; one whose
 * partnerCountry cannot be placed is left out). A row repeating a
 * relationship of the same type with the same partner, existing or earlier
 * in the file, is left out.
 */
export function planRelationshipsCsv(jobId: string, text: string, partners: readonly KnownPartner[], ties: readonly KnownTie[]): PlanResult {
  // Row by row, so that a row's unknown partner is reported beside other rows' bad values: one report lists everything.
  const read = readCsvRows(text, RELATIONSHIP_CSV_COLUMNS);
  const problems: RowProblem[] = [...read.problems];
  const notes: RowProblem[] = [];
  const leftOut: RowProblem[] = [];
  const steps: RelationshipStep[] = [];
  const existing = new Set(ties.map((tie) => `${tie.partnerId}\u0000${tie.type}`));
  for (const numbered of read.rows) {
    const validation = validateRows([numbered], parseRelationshipCsvRow);
    if (!validation.ok) {
      problems.push(...validation.problems);
      continue;
    }
    if (validation.leftOut.length > 0) {
      leftOut.push(...validation.leftOut);
      continue;
    }
    const { row, value } = validation.rows[0] as { row: number; value: RelationshipCsvRow };
    const resolved = resolvePartner(value.partner, partners);
    if ('field' in resolved) {
      problems.push({ row, ...resolved });
      continue;
    }
    const key = `${resolved.partner.partnerId}\u0000${value.relationship.type}`;
    if (existing.has(key)) {
      notes.push({ row, field: 'type', reason: `skipped: ${resolved.partner.name} already has a ${value.relationship.type} relationship` });
      continue;
    }
    existing.add(key);
    steps.push({ type: 'relationship', row, id: deterministicId(jobId, `row:${row}`), relationship: { ...value.relationship, partnerId: resolved.partner.partnerId } });
  }
  if (problems.length > 0) return { ok: false, problems: [...problems, ...leftOut].sort((a, b) => a.row - b.row) };
  return { ok: true, plan: { steps, notes: [...notes, ...leftOut.map(leftOutNote)].sort((a, b) => a.row - b.row), skipped: notes.length + leftOut.length } };
}

/**
 * Twinning ties (the catalogue or one city's entity JSON): a partner step for
 * each place not yet a partner and a prospective relationship for each tie.
 * `rowOf` gives each tie's position in the source for the report. A tie whose
 * dates break the relationship rules (until before since) is a problem, like
 * a bad CSV row: the job then applies none of them.
 */
export function planTies(jobId: string, twinning: TwinningImportPlan, rowOf: (wikidataId: string) => number): PlanResult {
  const problems: RowProblem[] = [];
  const steps: ImportStep[] = [];
  const partnerIdOf = new Map<string, string>();
  for (const partner of twinning.partnersToCreate) {
    const id = deterministicId(jobId, `partner:${partner.wikidataId}`);
    partnerIdOf.set(partner.wikidataId, id);
    steps.push({ type: 'partner', row: rowOf(partner.wikidataId), id, partner: { name: partner.name, kind: partner.kind, country: partner.country, wikidataId: partner.wikidataId } });
  }
  for (const planned of twinning.relationshipsToCreate) {
    const row = rowOf(planned.wikidataId);
    const partnerId = 'partnerId' in planned.partner ? planned.partner.partnerId : (partnerIdOf.get(planned.partner.newPartnerWikidataId) as string);
    try {
      const relationship = parseRelationship({ partnerId, type: planned.type, status: planned.status, since: planned.since ?? null, until: planned.until ?? null });
      steps.push({ type: 'relationship', row, id: deterministicId(jobId, `relationship:${planned.wikidataId}`), relationship });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      problems.push(...error.problems.map((problem) => ({ row, field: problem.field, reason: `${planned.wikidataId}: ${problem.message}` })));
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const notes: RowProblem[] = [
    ...twinning.skipped.map((skip) => ({ row: rowOf(skip.wikidataId), field: skip.wikidataId, reason: `skipped (${skip.reason}): ${skip.detail}` })),
    ...twinning.needsCountry.map((flag) => ({
      row: rowOf(flag.wikidataId),
      field: 'country',
      reason: `${flag.name} (${flag.wikidataId}) was created with an unknown country; set it on the partner${flag.possibleMatches.length > 0 ? ` (same name as partner ${flag.possibleMatches.join(', ')}: perhaps the same place)` : ''}`,
    })),
  ].sort((a, b) => a.row - b.row);
  return { ok: true, plan: { steps, notes, skipped: twinning.skipped.length } };
}
