import { CliError } from './gateway';
import { parseReportArgs, PLAN_REPORT_QUERY } from './report-command';

function refusal(argv: string[]): string {
  try {
    parseReportArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
}

describe('parseReportArgs', () => {
  it('reads the year, the format (html by default, either case) and no period', () => {
    expect(parseReportArgs(['--year', '2027'])).toMatchObject({ year: 2027, format: 'HTML', period: null });
    expect(parseReportArgs(['--year=2027', '--format=CSV'])).toMatchObject({ year: 2027, format: 'CSV', period: null });
    expect(parseReportArgs(['--format', 'html', '--year', '2027'])).toMatchObject({ format: 'HTML' });
  });

  it('reads a period key of the plan year in any cadence, upper-cased', () => {
    expect(parseReportArgs(['--year', '2027', '--period', '2027-q1'])?.period).toBe('2027-Q1');
    expect(parseReportArgs(['--year', '2027', '--period', '2027-M12'])?.period).toBe('2027-M12');
    expect(parseReportArgs(['--year', '2027', '--period', '2027-H2'])?.period).toBe('2027-H2');
    expect(parseReportArgs(['--year', '2027', '--period', '2027'])?.period).toBe('2027');
  });

  it('keeps the connection flags apart for signing in', () => {
    const args = parseReportArgs(['--year', '2027', '--user', 'maryland-staff', '--password=secret', '--gateway', 'http://gw/graphql', '--keycloak', 'http://kc']);
    expect(Object.fromEntries(args?.connectionFlags ?? [])).toEqual({ '--user': 'maryland-staff', '--password': 'secret', '--gateway': 'http://gw/graphql', '--keycloak': 'http://kc' });
  });

  it('answers null for help', () => {
    expect(parseReportArgs(['--help'])).toBeNull();
    expect(parseReportArgs(['--year', '2027', '-h'])).toBeNull();
  });

  it('refuses bad flags with a usage message that names the flag', () => {
    expect(refusal([])).toMatch(/^--year is required\n\nusage: npm run cli -- plan report/);
    expect(refusal(['--year', 'next'])).toMatch(/^--year "next" is not a year/);
    expect(refusal(['--year'])).toMatch(/^--year needs a value/);
    expect(refusal(['--year', '--format', 'csv'])).toMatch(/^--year needs a value/);
    expect(refusal(['--year', '2027', '--format', 'pdf'])).toMatch(/^--format "pdf" is not html or csv/);
    expect(refusal(['--year', '2027', '--period', 'Q1'])).toMatch(/^--period "Q1" is not a period key such as 2027-Q1/);
    expect(refusal(['--year', '2027', '--period', '2027-Q5'])).toMatch(/^--period "2027-Q5" is not a period key/);
    expect(refusal(['--year', '2027', '--period', '2028-Q1'])).toMatch(/^--period 2028-Q1 is not in plan year 2027/);
    expect(refusal(['--year', '2027', '--output', 'x.html'])).toMatch(/^unknown option --output/);
    expect(refusal(['--year', '2027', 'report.html'])).toMatch(/^unexpected argument "report.html"/);
    expect(refusal(['--year', '2027', '--year', '2028'])).toMatch(/^--year is given twice/);
  });
});

describe('PLAN_REPORT_QUERY', () => {
  it('asks the gateway for the report file with the year, format and period variables', () => {
    expect(PLAN_REPORT_QUERY).toBe(
      'query($year: Int!, $format: ReportFormat!, $period: String) { planReport(year: $year, format: $format, period: $period) { filename contentType content } }',
    );
  });
});
