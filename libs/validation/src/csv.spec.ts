import { parseCsv } from './csv';

function fields(text: string): string[][] {
  return parseCsv(text).records.map((r) => [...r.fields]);
}

describe('parseCsv (RFC 4180)', () => {
  it('reads plain records with LF, CRLF and lone CR line ends, with or without a final line break', () => {
    expect(fields('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(fields('a,b\r\n1,2\r\n3,4')).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(fields('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const { records, problems } = parseCsv('name,note\r\n"Frankfurt, Main","say ""hi"""\r\n"two\r\nlines",""\r\nlast,"x"\r\n');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { row: 1, line: 1, fields: ['name', 'note'] },
      { row: 2, line: 2, fields: ['Frankfurt, Main', 'say "hi"'] },
      { row: 3, line: 3, fields: ['two\nlines', ''] },
      // The record after a quoted line break starts one physical line later than its row number suggests.
      { row: 4, line: 5, fields: ['last', 'x'] },
    ]);
  });

  it('drops a UTF-8 BOM so the first column name is clean', () => {
    expect(fields('\uFEFFname,kind\nRiga,city')[0]).toEqual(['name', 'kind']);
  });

  it('keeps empty fields, including trailing ones, and other scripts', () => {
    expect(fields('a,,c,\n北京市,"",Ελλάδα,')).toEqual([['a', '', 'c', ''], ['北京市', '', 'Ελλάδα', '']]);
  });

  it('skips records whose fields are all empty but keeps counting rows', () => {
    const { records } = parseCsv('a,b\n\n,\nx,y\n');
    expect(records.map((r) => [r.row, r.fields.join('|')])).toEqual([[1, 'a|b'], [4, 'x|y']]);
  });

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(fields('a\n12" pipe')).toEqual([['a'], ['12" pipe']]);
  });

  it('reports text after a closing quote and goes on with the next record', () => {
    const { records, problems } = parseCsv('a,b\n"x"y,2\n3,4\n');
    expect(problems).toEqual([{ row: 2, line: 2, reason: expect.stringContaining('after a closing quote') }]);
    expect(records.map((r) => r.row)).toEqual([1, 3]);
  });

  it('reports a quote that is never closed at the line where it opens', () => {
    const { records, problems } = parseCsv('a,b\n1,2\n3,"open\n4,5\n');
    expect(problems).toEqual([{ row: 3, line: 3, reason: expect.stringContaining('never closed') }]);
    expect(records.map((r) => r.row)).toEqual([1, 2]);
  });

  it('takes another delimiter for locales with a decimal comma', () => {
    expect(parseCsv('a;b\n"1,5";2', { delimiter: ';' }).records[1]?.fields).toEqual(['1,5', '2']);
    expect(() => parseCsv('a', { delimiter: '"' })).toThrow(RangeError);
  });

  it('reads an empty file as no records', () => {
    expect(parseCsv('')).toEqual({ records: [], problems: [] });
    expect(parseCsv('\uFEFF')).toEqual({ records: [], problems: [] });
  });
});
