import { ASSET_EVENT_TYPES } from '@entente/contracts';
import { ValidationError } from '@entente/errors';
import { ASSET_CATEGORIES, ASSET_TYPES, assetTypesOf, categoryOfAssetType } from './asset-catalogue';
import { parseRecordAsset, RecordAssetInput } from './asset.rules';

const NOW = new Date('2025-06-15T12:00:00Z');

function fieldsOf(input: RecordAssetInput): string[] {
  try {
    parseRecordAsset(input, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems.map((p) => p.field);
  }
  throw new Error('expected a validation error');
}

const valid: RecordAssetInput = { name: 'Port logistics', category: 'economic-foundations', type: 'key-industry' };

describe('asset catalogue', () => {
  it('groups exactly the asset types the event contract knows', () => {
    expect([...ASSET_TYPES].sort()).toEqual([...ASSET_EVENT_TYPES].sort());
  });

  it('has the five categories of Table 1 and fourteen types, each in one category', () => {
    expect(ASSET_CATEGORIES).toHaveLength(5);
    expect(ASSET_TYPES).toHaveLength(14);
    expect(new Set(ASSET_TYPES).size).toBe(ASSET_TYPES.length);
    for (const type of ASSET_TYPES) expect(assetTypesOf(categoryOfAssetType(type))).toContain(type);
  });

  it('gives existing international relationships no asset types', () => {
    expect(assetTypesOf('existing-international-relationships')).toEqual([]);
  });
});

describe('parseRecordAsset', () => {
  it('normalises a complete asset', () => {
    expect(
      parseRecordAsset(
        {
          name: '  Inbound   investment from Denmark ',
          description: '  Wind-energy suppliers\nin the port area  ',
          category: 'economic-foundations',
          type: 'inbound-fdi',
          countries: ['dk', ' SE', 'DK'],
          sectors: [' Wind  energy ', 'wind energy', 'Logistics'],
          magnitude: { value: 120_000_000, unit: 'Money', currency: 'eur' },
          sourceOrganisation: ' Economic development office ',
          asOf: '2024-12-31',
          confidentiality: 'network',
        },
        NOW,
      ),
    ).toEqual({
      name: 'Inbound investment from Denmark',
      description: 'Wind-energy suppliers\nin the port area',
      category: 'economic-foundations',
      type: 'inbound-fdi',
      countries: ['DK', 'SE'],
      sectors: ['Wind energy', 'Logistics'],
      magnitude: { value: 120_000_000, unit: 'money', currency: 'EUR' },
      sourceOrganisation: 'Economic development office',
      asOf: '2024-12-31',
      confidentiality: 'network',
    });
  });

  it('defaults to internal with no optional fields', () => {
    expect(parseRecordAsset(valid, NOW)).toEqual({
      name: 'Port logistics',
      description: null,
      category: 'economic-foundations',
      type: 'key-industry',
      countries: [],
      sectors: [],
      magnitude: null,
      sourceOrganisation: null,
      asOf: null,
      confidentiality: 'internal',
    });
  });

  it('accepts a non-money figure without a currency and lower-cases its unit', () => {
    const asset = parseRecordAsset(
      { ...valid, category: 'institutional-capabilities', type: 'staff-fte', magnitude: { value: 2.5, unit: 'FTE' }, asOf: '2025-01-01' },
      NOW,
    );
    expect(asset.magnitude).toEqual({ value: 2.5, unit: 'fte', currency: null });
  });

  it.each([
    ['missing name', { ...valid, name: undefined }, ['name']],
    ['blank name', { ...valid, name: '   ' }, ['name']],
    ['name of 201 characters', { ...valid, name: 'x'.repeat(201) }, ['name']],
    ['description of 2001 characters', { ...valid, description: 'x'.repeat(2001) }, ['description']],
    ['unknown category', { ...valid, category: 'tourism' }, ['category']],
    ['unknown type', { ...valid, type: 'harbour' }, ['type']],
    ['type of another category', { ...valid, type: 'university' }, ['type']],
    ['a type under the relationships category', { ...valid, category: 'existing-international-relationships', type: 'key-industry' }, ['type']],
    ['bad country', { ...valid, countries: ['DE', 'Germany', 'XK'] }, ['countries[1]', 'countries[2]']],
    ['inbound FDI without a country', { ...valid, type: 'inbound-fdi' }, ['countries']],
    ['outbound FDI with an empty list', { ...valid, type: 'outbound-fdi', countries: [] }, ['countries']],
    ['empty sector', { ...valid, sectors: ['ok', '  '] }, ['sectors[1]']],
    ['sector of 101 characters', { ...valid, sectors: ['x'.repeat(101)] }, ['sectors[0]']],
    ['21 sectors', { ...valid, sectors: Array.from({ length: 21 }, (_, i) => `s${i}`) }, ['sectors']],
    ['negative magnitude', { ...valid, magnitude: { value: -1, unit: 'jobs' }, asOf: '2025-01-01' }, ['magnitude.value']],
    ['infinite magnitude', { ...valid, magnitude: { value: Infinity, unit: 'jobs' }, asOf: '2025-01-01' }, ['magnitude.value']],
    ['a magnitude beyond ten trillion', { ...valid, magnitude: { value: Number.MAX_VALUE, unit: 'money', currency: 'EUR' }, asOf: '2025-01-01' }, ['magnitude.value']],
    ['magnitude without unit', { ...valid, magnitude: { value: 3 }, asOf: '2025-01-01' }, ['magnitude.unit']],
    ['money without currency', { ...valid, magnitude: { value: 3, unit: 'money' }, asOf: '2025-01-01' }, ['magnitude.currency']],
    ['money in a made-up currency', { ...valid, magnitude: { value: 3, unit: 'money', currency: 'EU' }, asOf: '2025-01-01' }, ['magnitude.currency']],
    ['currency on a non-money unit', { ...valid, magnitude: { value: 3, unit: 'jobs', currency: 'EUR' }, asOf: '2025-01-01' }, ['magnitude.currency']],
    ['a currency code as the unit', { ...valid, magnitude: { value: 3, unit: 'EUR' }, asOf: '2025-01-01' }, ['magnitude.unit']],
    ['magnitude without as-of date', { ...valid, magnitude: { value: 3, unit: 'jobs' } }, ['asOf']],
    ['source of 201 characters', { ...valid, sourceOrganisation: 'x'.repeat(201) }, ['sourceOrganisation']],
    ['as-of not a date', { ...valid, asOf: '31/12/2024' }, ['asOf']],
    ['as-of an impossible date', { ...valid, asOf: '2023-02-29' }, ['asOf']],
    ['as-of in the future', { ...valid, asOf: '2025-06-17' }, ['asOf']],
    ['unknown confidentiality', { ...valid, confidentiality: 'secret' }, ['confidentiality']],
  ] as Array<[string, RecordAssetInput, string[]]>)('rejects %s naming the field', (_case, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });

  it('accepts an as-of date that is already today somewhere east of UTC', () => {
    expect(parseRecordAsset({ ...valid, asOf: '2025-06-16' }, NOW).asOf).toBe('2025-06-16');
  });

  it('reports every bad field at once', () => {
    expect(
      fieldsOf({
        name: '',
        category: 'economic-foundations',
        type: 'outbound-fdi',
        countries: [],
        magnitude: { value: -5, unit: 'money', currency: 'XYZ' },
        confidentiality: 'top',
      }),
    ).toEqual(['name', 'countries', 'magnitude.value', 'magnitude.currency', 'asOf', 'confidentiality']);
  });

  it('explains how to write money when a currency is typed as the unit', () => {
    expect(() => parseRecordAsset({ ...valid, magnitude: { value: 1, unit: 'USD' }, asOf: '2025-01-01' }, NOW)).toThrow(
      'write unit "money" with currency "USD"',
    );
  });

  it('says what a sum of money lacks when its currency is missing', () => {
    expect(() => parseRecordAsset({ ...valid, magnitude: { value: 1, unit: 'money' }, asOf: '2025-01-01' }, NOW)).toThrow(
      'magnitude.currency: is required for a sum of money (unit "money"): give its ISO 4217 code, such as EUR or USD',
    );
  });

  it('survives values of the wrong type without throwing anything but a ValidationError', () => {
    const junk = { name: 5, category: [], type: {}, countries: 'DE', sectors: 7, magnitude: 'big', asOf: 20240101, confidentiality: false };
    expect(() => parseRecordAsset(junk as unknown as RecordAssetInput, NOW)).toThrow(ValidationError);
  });
});
