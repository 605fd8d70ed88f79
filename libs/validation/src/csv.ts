/**
 * An RFC 4180 reader, written here because the rules are small and a
 * dependency would still need the line numbers that the import report cites.
 * Quoted fields may hold commas, doubled quotes and line breaks; CRLF, LF and
 * a lone CR all end a record; a UTF-8 BOM (Excel's "CSV UTF-8") is dropped.
 */

export interface CsvRecord {
  /** 1-based record number; the header is record 1, as in a spreadsheet. */
  readonly row: number;
  /** 1-based physical line where the record starts (differs from `row` after quoted line breaks). */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvSyntaxProblem {
  readonly row: number;
  readonly line: number;
  readonly reason: string;
}

export interface CsvDocument {
  readonly records: readonly CsvRecord[];
  readonly problems: readonly CsvSyntaxProblem[];
}

export interface CsvOptions {
  /** One character; `;` for spreadsheets in locales with a decimal comma. */
  readonly delimiter?: string;
}

const QUOTE = '"';

/**
 * Lenient where a person's file is unambiguous (a quote inside an unquoted
 * field is kept as a character: `12" pipe`), strict where guessing would
 * change data: text after a closing quote and an unclosed quote are problems.
 * Records whose every field is empty are skipped, since spreadsheets append
 * such rows (`,,,`) and they carry nothing to import; they still count toward
 * row numbers so the report matches what the person sees.
 */
export function parseCsv(input: string, options: CsvOptions = {}): CsvDocument {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === QUOTE || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(`a CSV delimiter is one character other than a quote or line break, got ${JSON.stringify(delimiter)}`);
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];

  let line = 1;
  let row = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let i = 0;
  // Whether the current record had a syntax problem; its fields are then unreliable.
  let broken = false;

  const endField = (): void => {
    fields.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    const blank = fields.every((f) => f === '');
    if (!broken && !blank) records.push({ row, line: recordLine, fields });
    fields = [];
    broken = false;
    row += 1;
  };
  /** Consumes a line break at i if there is one; true when it did. */
  const lineBreak = (): boolean => {
    if (text[i] === '\r') {
      i += text[i + 1] === '\n' ? 2 : 1;
    } else if (text[i] === '\n') {
      i += 1;
    } else {
      return false;
    }
    line += 1;
    return true;
  };

  while (i < text.length) {
    if (field === '' && text[i] === QUOTE) {
      const quoteLine = line;
      i += 1;
      let closed = false;
      while (i < text.length) {
        if (text[i] === QUOTE) {
          if (text[i + 1] === QUOTE) {
            field += QUOTE;
            i += 2;
            continue;
          }
          i += 1;
          closed = true;
          break;
        }
        const before = i;
        if (lineBreak()) {
          // A line break inside quotes is data; keep it as written, normalised to \n.
          field += '\n';
          continue;
        }
        field += text[before];
        i += 1;
      }
      if (!closed) {
        problems.push({ row, line: quoteLine, reason: 'a quoted field is never closed; the rest of the file is inside it' });
        broken = true;
        break;
      }
      if (i < text.length && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        problems.push({ row, line, reason: `text after a closing quote; write a quote inside a quoted field as ""` });
        broken = true;
        // Skip to the end of this record so the next one is read on its own.
        while (i < text.length && text[i] !== '\r' && text[i] !== '\n') i += 1;
      }
      continue;
    }
    if (text[i] === delimiter) {
      endField();
      i += 1;
      continue;
    }
    if (lineBreak()) {
      endRecord();
      recordLine = line;
      continue;
    }
    field += text[i];
    i += 1;
  }
  // A final record without a trailing line break; a trailing break leaves nothing pending.
  if (field !== '' || fields.length > 0 || broken) endRecord();
  return { records, problems };
}
