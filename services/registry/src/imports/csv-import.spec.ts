import { ValidationError } from '@entente/errors';
import { HEADER_FIELD, parseAssetCsvRow, parsePartnerCsvRow, ROW_FIELD, RowLeftOut, validateCsv, validatePartnersCsv, validateRows } from './csv-import';

describe('validatePartnersCsv', () => {
  it('parses every row of a good file, normalised as when registered by hand', () => {
    const result = validatePartnersCsv(
      '\uFEFFName,Kind,Country,WikidataId\r\n' +
        '"Aarhus  Kommune",city,dk,Q25319\r\n' +
        '"Chamber of Commerce, Riga",chamber,LV,\r\n' +
        '"The ""Turku"" office",embassy-or-consulate,FI, \r\n',
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { row: 2, value: { name: 'Aarhus Kommune', kind: 'city', country: 'DK', wikidataId: 'Q25319' } },
        { row: 3, value: { name: 'Chamber of Commerce, Riga', kind: 'chamber', country: 'LV' } },
        { row: 4, value: { name: 'The "Turku" office', kind: 'embassy-or-consulate', country: 'FI' } },
      ],
      leftOut: [],
    });
  });

  it('accepts the optional column being absent', () => {
    const result = validatePartnersCsv('country,name,kind\nPL,Szczecin,city\n');
    expect(result).toEqual({ ok: true, rows: [{ row: 2, value: { name: 'Szczecin', kind: 'city', country: 'PL' } }], leftOut: [] });
  });

  it('reports every bad row with row, field and reason, and returns no rows', () => {
    const result = validatePartnersCsv(
      [
        'name,kind,country,wikidataId',
        'Riga,city,LV,Q1773', // row 2: good
        ',village,Germania,', // row 3: three bad fields (a country not placed is listed with the row's other problems)
        'Turku,city,FI,Turku', // row 4: bad Wikidata id
        'Rijeka,city', // row 5: too few values
        '"Gdańsk, Gdynia",city,PL,Q1792', // row 6: good
        `${'x'.repeat(201)},region,FR,`, // row 7: name too long
      ].join('\n'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'name'],
      [3, 'kind'],
      [3, 'country'],
      [4, 'wikidataId'],
      [5, ROW_FIELD],
      [7, 'name'],
    ]);
    expect(result.problems.find((p) => p.row === 5)?.reason).toBe(
      'has 2 value(s) but the header has 4 column(s); quote values that contain ","',
    );
    expect(result).not.toHaveProperty('rows');
  });

  it('names missing and unknown columns up front and checks no rows', () => {
    const result = validatePartnersCsv('name,type,wikidata,country\nRiga,city,Q1773,LV\n');
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 1, field: HEADER_FIELD, reason: expect.stringContaining('unknown column "type" (column 2)') },
        { row: 1, field: HEADER_FIELD, reason: expect.stringContaining('unknown column "wikidata" (column 3)') },
        {
          row: 1,
          field: HEADER_FIELD,
          reason: 'missing required column(s): kind; expected columns: name, kind, country (optional: wikidataId)',
        },
      ],
    });
  });

  it('reports a column named twice and a file without a header', () => {
    expect(validatePartnersCsv('name,kind,country,Name\n')).toEqual({
      ok: false,
      problems: [{ row: 1, field: HEADER_FIELD, reason: 'column "name" appears twice' }],
    });
    expect(validatePartnersCsv('')).toEqual({ ok: false, problems: [{ row: 1, field: HEADER_FIELD, reason: expect.any(String) }] });
  });

  it('reports a CSV syntax error with its line alongside the bad values of other rows', () => {
    const result = validatePartnersCsv('name,kind,country\n"Riga" LV,city,LV\nTurku,city,XX\n');
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 2, field: ROW_FIELD, reason: expect.stringMatching(/^line 2: text after a closing quote/) },
        { row: 3, field: 'country', reason: 'cannot place "XX" as a country; use its English or German name or an ISO code such as NL' },
      ],
    });
  });

  it('accepts a header-only file as nothing to apply', () => {
    expect(validatePartnersCsv('name,kind,country\r\n')).toEqual({ ok: true, rows: [], leftOut: [] });
  });

  it('reads countries by name or code, and leaves out a row whose country it cannot place while the others import', () => {
    const result = validatePartnersCsv(
      [
        'name,kind,country',
        'Groningen,city,the Netherlands',
        'Oakland,city,USA',
        'Dortmund,city,Deutschland',
        'Leeds,city,Vereinigtes Königreich',
        'Busan,city,"Korea, Republic of"',
        'Brno,city,Czechia',
        'Plzeň,city,cze',
        'Poseidonis,city,Atlantis',
        'Brazzaville,city,Congo',
      ].join('\n'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map(({ row, value }) => [row, value.name, value.country])).toEqual([
      [2, 'Groningen', 'NL'],
      [3, 'Oakland', 'US'],
      [4, 'Dortmund', 'DE'],
      [5, 'Leeds', 'GB'],
      [6, 'Busan', 'KR'],
      [7, 'Brno', 'CZ'],
      [8, 'Plzeň', 'CZ'],
    ]);
    expect(result.leftOut).toEqual([
      { row: 9, field: 'country', reason: 'cannot place "Atlantis" as a country; use its English or German name or an ISO code such as NL' },
      { row: 10, field: 'country', reason: 'cannot place "Congo" as one country: it may be CD (Democratic Republic of the Congo) or CG (Republic of the Congo); use the ISO code' },
    ]);
  });

  it('refuses a blank country as a missing value rather than leaving the row out', () => {
    expect(validatePartnersCsv('name,kind,country\nRiga,city, \n')).toEqual({
      ok: false,
      problems: [{ row: 2, field: 'country', reason: 'is required: the country’s ISO code (such as NL) or its English or German name' }],
    });
  });
});

describe('validateRows (generic)', () => {
  const parseAmount = (values: Readonly<Record<string, string>>): number => {
    const amount = Number(values['amount']);
    if (!Number.isFinite(amount) || amount < 0) throw ValidationError.forField('amount', 'must be a non-negative number');
    return amount;
  };

  it('lets other record types plug in their own row parser', () => {
    expect(validateCsv('amount\n1.5\n2\n', { required: ['amount'] }, parseAmount)).toEqual({
      ok: true,
      rows: [
        { row: 2, value: 1.5 },
        { row: 3, value: 2 },
      ],
      leftOut: [],
    });
    expect(validateRows([{ row: 2, values: { amount: '-1' } }, { row: 3, values: { amount: 'x' } }], parseAmount)).toEqual({
      ok: false,
      problems: [
        { row: 2, field: 'amount', reason: 'must be a non-negative number' },
        { row: 3, field: 'amount', reason: 'must be a non-negative number' },
      ],
    });
  });

  it('lets a bug in a row parser surface instead of reporting it as the person\'s mistake', () => {
    expect(() =>
      validateRows([{ row: 2, values: {} }], () => {
        throw new TypeError('boom');
      }),
    ).toThrow(TypeError);
  });
});

describe('parsePartnerCsvRow', () => {
  it('reports partner rules and the Wikidata id together', () => {
    try {
      parsePartnerCsvRow({ name: '', kind: 'city', country: 'DE', wikidataId: 'Q0' });
      throw new Error('expected a validation error');
    } catch (error) {
      expect((error as ValidationError).problems.map((p) => p.field)).toEqual(['name', 'wikidataId']);
    }
  });

  it('leaves the row out (RowLeftOut) only when a country it cannot place is its one problem', () => {
    expect(() => parsePartnerCsvRow({ name: 'Riga', kind: 'city', country: 'Livonia' })).toThrow(RowLeftOut);
    try {
      parsePartnerCsvRow({ name: 'Riga', kind: 'hamlet', country: 'Livonia' });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).not.toBeInstanceOf(RowLeftOut);
      expect((error as ValidationError).problems.map((p) => p.field)).toEqual(['kind', 'country']);
    }
  });
});

describe('parseAssetCsvRow', () => {
  it('reads the countries list by name or code, and says why an item could not be placed', () => {
    const row = { name: 'Maersk', category: 'economic-foundations', type: 'inbound-fdi', countries: 'Dänemark; SWE ;the Netherlands' };
    expect(parseAssetCsvRow(row, new Date('2025-01-01T00:00:00Z')).countries).toEqual(['DK', 'SE', 'NL']);
    try {
      parseAssetCsvRow({ ...row, countries: 'DK;Korea' }, new Date('2025-01-01T00:00:00Z'));
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).not.toBeInstanceOf(RowLeftOut);
      expect((error as ValidationError).problems).toEqual([
        { field: 'countries', message: 'item 2: cannot place "Korea" as one country: it may be KP (North Korea) or KR (South Korea); use the ISO code' },
      ]);
    }
  });
});
