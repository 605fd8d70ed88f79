import { CliError, CONNECTION_FLAGS, CONNECTION_USAGE, type Connection, graphql } from './gateway';

/**
 * `npm run cli -- plan report --year 2027 --format html > report.html`: the
 * progress report of the caller's jurisdiction's plan year (or one period of
 * it) from the gateway, written to stdout as the API returns it so it can be
 * redirected to a file; anything else goes to stderr.
 */
export const REPORT_USAGE = `usage: npm run cli -- plan report --year YYYY [--format html|csv] [--period KEY] [options] > FILE

  --year YYYY             the plan year (named by the calendar year it starts in)
  --format html|csv       html (default): one self-contained page to read and print; csv: the tables for a spreadsheet
  --period KEY            one reporting period of the plan year: YYYY-Q1…Q4, YYYY-H1/H2, YYYY-M01…M12 (default: the whole year)
${CONNECTION_USAGE}

The report goes to stdout; redirect it to a file. Default user: rostock-staff.
`;

export const REPORT_DEMO_USER = 'rostock-staff';

export type ReportFormat = 'HTML' | 'CSV';

export interface ReportArgs {
  year: number;
  format: ReportFormat;
  period: string | null;
  /** --user, --password, --gateway, --keycloak as given. */
  connectionFlags: Map<string, string>;
}

const REPORT_FLAGS = ['--year', '--format', '--period', ...CONNECTION_FLAGS];
const PERIOD_KEY = /^(\d{4})(-(Q[1-4]|H[12]|M(0[1-9]|1[0-2])))?$/;

const usageError = (message: string): CliError => new CliError(`${message}\n\n${REPORT_USAGE}`);

/** The arguments after `plan report`; null when help was asked for. */
export function parseReportArgs(argv: readonly string[]): ReportArgs | null {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return null;
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    if (!REPORT_FLAGS.includes(name)) throw usageError(arg.startsWith('-') ? `unknown option ${name}` : `unexpected argument "${arg}"`);
    const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
    if (value === undefined || value === '' || (equals < 0 && value.startsWith('--'))) throw usageError(`${name} needs a value`);
    if (flags.has(name)) throw usageError(`${name} is given twice`);
    flags.set(name, value);
  }

  const yearText = flags.get('--year');
  if (yearText === undefined) throw usageError('--year is required');
  if (!/^\d{4}$/.test(yearText)) throw usageError(`--year "${yearText}" is not a year (four digits, such as 2027)`);
  const year = Number(yearText);

  const formatText = (flags.get('--format') ?? 'html').toLowerCase();
  if (formatText !== 'html' && formatText !== 'csv') throw usageError(`--format "${flags.get('--format')}" is not html or csv`);
  const format: ReportFormat = formatText === 'html' ? 'HTML' : 'CSV';

  let period: string | null = null;
  const periodText = flags.get('--period');
  if (periodText !== undefined) {
    period = periodText.trim().toUpperCase();
    const match = PERIOD_KEY.exec(period);
    if (!match) throw usageError(`--period "${periodText}" is not a period key such as ${year}-Q1, ${year}-H2, ${year}-M03 or ${year}`);
    if (Number(match[1]) !== year) throw usageError(`--period ${period} is not in plan year ${year}: its keys start with ${year}`);
  }

  const connectionFlags = new Map([...flags].filter(([name]) => (CONNECTION_FLAGS as readonly string[]).includes(name)));
  return { year, format, period, connectionFlags };
}

export interface PlanReportFile {
  filename: string;
  contentType: string;
  content: string;
}

export const PLAN_REPORT_QUERY =
  'query($year: Int!, $format: ReportFormat!, $period: String) { planReport(year: $year, format: $format, period: $period) { filename contentType content } }';

export async function fetchPlanReport(connection: Pick<Connection, 'gatewayUrl'>, token: string, args: Pick<ReportArgs, 'year' | 'format' | 'period'>): Promise<PlanReportFile> {
  const data = await graphql<{ planReport: PlanReportFile | null }>(connection.gatewayUrl, token, PLAN_REPORT_QUERY, { year: args.year, format: args.format, period: args.period });
  if (!data?.planReport) throw new CliError('the gateway returned no report');
  return data.planReport;
}
