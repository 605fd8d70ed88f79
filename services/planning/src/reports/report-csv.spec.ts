import { exampleReportInput } from './example-report-input';
import { buildProgressReport } from './progress-report';
import { csvCell, progressReportCsv } from './report-csv';

/** Splits RFC 4180 text into records of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += char;
  }
  return records;
}

describe('csvCell', () => {
  it('quotes a field with a comma, a quote or a line break and doubles its quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Rostock, Germany')).toBe('"Rostock, Germany"');
    expect(csvCell('the "Hanse" days')).toBe('"the ""Hanse"" days"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell(null)).toBe('');
  });

  it('defuses text that a spreadsheet would run as a formula, but leaves numbers as numbers', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-3 days')).toBe("'-3 days");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(-4000)).toBe('-4000');
    expect(csvCell(1234.5)).toBe('1234.5');
  });
});

describe('progressReportCsv', () => {
  const input = exampleReportInput();
  input.plan.content.activities[0] = { ...(input.plan.content.activities[0] as (typeof input.plan.content.activities)[number]), title: '=cmd|"/c calc"!A1, the webinar' };
  const csv = progressReportCsv(buildProgressReport(input));
  const records = parseCsv(csv);

  it('ends every record with CRLF (the example holds no text with a line break)', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes one section per table, each a title row and a header row', () => {
    const titles = records.filter((record, i) => record.length === 1 && record[0] !== '' && (i === 0 || records[i - 1]?.join('') === '')).map((record) => record[0]);
    expect(titles).toEqual([
      'Summary',
      'Budget by source',
      'Budget lines',
      'Staff-days',
      'Activities by status',
      'Activities',
      'Activities per priority',
      'Opportunistic allowance',
      'KPI progress',
      'Outcomes',
      'Decisions',
    ]);
    const budgetAt = records.findIndex((record) => record[0] === 'Budget by source');
    expect(records[budgetAt + 1]).toEqual(['source', 'available (year)', 'planned (period)', 'actual (period)', 'planned (year to date)', 'actual (year to date)']);
    expect(records[budgetAt + 2]).toEqual(['own', '10000', '5000', '1800', '5000', '1800']);
  });

  it('writes figures unformatted, negative ones as numbers', () => {
    const decision = records.find((record) => record[0] === 'd-may');
    expect(decision?.slice(-5)).toEqual(['-4000', '0', '0', '-4000', '-5']);
    expect(records.find((record) => record[0] === 'budget available (year)')).toEqual(['budget available (year)', '15000']);
  });

  it('keeps a title with a comma and quotes in one field, defused', () => {
    const webinar = records.find((record) => record[0] === 'webinar');
    expect(webinar?.[1]).toBe(`'=cmd|"/c calc"!A1, the webinar`);
  });
});
