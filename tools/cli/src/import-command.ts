import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CliError, graphql } from './gateway';
import { progressBar, progressLine } from './progress';

/** What each import kind takes on the command line, and the mutation that starts it. */
export const IMPORT_KINDS = {
  partners: { files: ['partners.csv'], mutation: 'importPartnersCsv(csv: $csv)', variables: ['csv'] },
  assets: { files: ['assets.csv'], mutation: 'importAssetsCsv(csv: $csv)', variables: ['csv'] },
  relationships: { files: ['relationships.csv'], mutation: 'importRelationshipsCsv(csv: $csv)', variables: ['csv'] },
  'wikidata-entity': { files: ['Qxxx.json'], mutation: 'importWikidataEntity(json: $json)', variables: ['json'] },
  'twinning-catalogue': { files: ['relations.tsv', 'names.tsv'], mutation: 'loadTwinningCatalogue(relations: $relations, names: $names)', variables: ['relations', 'names'] },
  twinning: { files: [], mutation: 'importTwinningTies(wikidataId: $wikidataId)', variables: [] },
} as const;

export type ImportKind = keyof typeof IMPORT_KINDS;

export function isImportKind(value: string): value is ImportKind {
  return Object.prototype.hasOwnProperty.call(IMPORT_KINDS, value);
}

export interface ImportJobResult {
  id: string;
  status: string;
  summary: string;
  progress: { done: number; total: number };
  report: Array<{ row: number; field: string; reason: string }>;
  counts: { created: number; skipped: number };
  failure: string | null;
}

const JOB_FIELDS = 'id status summary progress { done total } report { row field reason } counts { created skipped } failure';

export interface ImportOptions {
  kind: ImportKind;
  files: readonly string[];
  wikidataId?: string;
  gatewayUrl: string;
  token: string;
  /** Where the bar or lines go; `isTTY` decides which. */
  out: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  pollMs?: number;
}

/** Starts the import through the gateway, shows its progress until it ends, and returns the finished job. */
export async function runImport(options: ImportOptions): Promise<ImportJobResult> {
  const spec = IMPORT_KINDS[options.kind];
  if (options.files.length !== spec.files.length) {
    throw new CliError(`import ${options.kind} takes ${spec.files.length === 0 ? 'no file' : spec.files.join(' and ')}; got ${options.files.length} file(s)`);
  }
  const variables: Record<string, unknown> = {};
  for (const [index, name] of spec.variables.entries()) variables[name] = await readFile(options.files[index] as string, 'utf8');
  if (options.kind === 'twinning') variables['wikidataId'] = options.wikidataId ?? null;
  const declarations = [...spec.variables.map((name) => `$${name}: String!`), ...(options.kind === 'twinning' ? ['$wikidataId: String'] : [])].join(', ');
  const mutationName = spec.mutation.slice(0, spec.mutation.indexOf('('));
  const started = await graphql<Record<string, ImportJobResult>>(options.gatewayUrl, options.token, `mutation(${declarations}) { ${spec.mutation} { ${JOB_FIELDS} } }`, variables);
  let job = started[mutationName] as ImportJobResult;
  options.out.write(`import job ${job.id}: ${job.summary}${options.files.length > 0 ? ` (${options.files.map((file) => basename(file)).join(', ')})` : ''}\n`);

  const tty = options.out.isTTY === true;
  let previous: ImportJobResult | undefined;
  for (;;) {
    if (tty) options.out.write(`\r${progressBar(job)}`);
    else {
      const line = progressLine(job, previous);
      if (line !== null) options.out.write(`${line}\n`);
    }
    previous = job;
    if (job.status === 'SUCCEEDED' || job.status === 'FAILED') break;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 300));
    job = (await graphql<{ importJob: ImportJobResult }>(options.gatewayUrl, options.token, `query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id: job.id })).importJob;
  }
  if (tty) options.out.write('\n');
  return job;
}

/** The closing report: counts, then each report row as `row N, field: reason`. */
export function formatReport(job: ImportJobResult): string {
  const lines = [
    job.status === 'SUCCEEDED'
      ? `succeeded: ${job.counts.created} created, ${job.counts.skipped} skipped`
      : `failed: ${job.failure ?? 'see the report'}`,
    ...job.report.map((row) => `  row ${row.row}, ${row.field}: ${row.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}
