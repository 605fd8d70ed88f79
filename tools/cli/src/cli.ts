import { CliError, CONNECTION_FLAGS, CONNECTION_USAGE, connectionOf, signIn } from './gateway';
import { formatReport, IMPORT_KINDS, isImportKind, runImport } from './import-command';
import { fetchPlanReport, parseReportArgs, REPORT_DEMO_USER, REPORT_USAGE } from './report-command';

/**
 * `npm run cli -- import <kind> <file…> [--jurisdiction-qid Q…]`: starts an
 * import through the gateway as a real user and follows it to the end.
 * `npm run cli -- plan report --year YYYY [--format html|csv] [--period KEY]`:
 * writes a plan year's progress report to stdout (report-command.ts).
 * Credentials: --user/--password, or ENTENTE_USERNAME/ENTENTE_PASSWORD, or
 * else a local demo user (platform-admin for the catalogue, rostock-staff
 * otherwise; deploy/keycloak/demo-users.json).
 */
const USAGE = `usage: npm run cli -- import <kind> <file…> [options]
       npm run cli -- plan report --year YYYY [--format html|csv] [--period KEY] [options] > FILE

kinds:
${Object.entries(IMPORT_KINDS)
  .map(([kind, spec]) => `  ${kind.padEnd(20)} ${spec.files.length > 0 ? spec.files.join(' ') : '[--jurisdiction-qid Q…] (default: your jurisdiction’s Wikidata id)'}`)
  .join('\n')}

options:
  --jurisdiction-qid Q…   the Wikidata id whose twinning ties to import
${CONNECTION_USAGE}
`;

interface ParsedArgs {
  positional: string[];
  flags: Map<string, string>;
}

const FLAGS = ['--jurisdiction-qid', ...CONNECTION_FLAGS] as string[];

function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [name, inline] = arg.split('=', 2) as [string, string | undefined];
    if (FLAGS.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new CliError(`${name} needs a value\n\n${USAGE}`);
      flags.set(name, value);
    } else if (arg.startsWith('--')) {
      throw new CliError(`unknown option ${arg}\n\n${USAGE}`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags };
}

async function planReport(argv: readonly string[]): Promise<number> {
  const args = parseReportArgs(argv);
  if (args === null) {
    process.stdout.write(REPORT_USAGE);
    return 0;
  }
  const connection = connectionOf(args.connectionFlags);
  const token = await signIn(connection, REPORT_DEMO_USER);
  process.stderr.write(`fetching the ${args.format.toLowerCase()} report of plan year ${args.year}${args.period ? `, period ${args.period}` : ''} from ${connection.gatewayUrl}\n`);
  const report = await fetchPlanReport(connection, token, args);
  process.stdout.write(report.content);
  process.stderr.write(`${report.filename} (${report.contentType}, ${Buffer.byteLength(report.content)} bytes)${process.stdout.isTTY ? '; redirect stdout to keep it in a file' : ''}\n`);
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'plan') {
    if (argv[1] !== 'report') throw new CliError(`unknown plan command${argv[1] ? ` "${argv[1]}"` : ''}\n\n${REPORT_USAGE}`);
    return planReport(argv.slice(2));
  }
  const { positional, flags } = parseArgs(argv);
  const [command, kind, ...files] = positional;
  if (command !== 'import' || kind === undefined) throw new CliError(USAGE);
  if (!isImportKind(kind)) throw new CliError(`unknown import kind "${kind}"\n\n${USAGE}`);
  const connection = connectionOf(flags);
  const token = await signIn(connection, kind === 'twinning-catalogue' ? 'platform-admin' : 'rostock-staff');
  const job = await runImport({ kind, files, wikidataId: flags.get('--jurisdiction-qid'), gatewayUrl: connection.gatewayUrl, token, out: process.stdout });
  process.stdout.write(formatReport(job));
  return job.status === 'SUCCEEDED' ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof CliError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exit(2);
  },
);
