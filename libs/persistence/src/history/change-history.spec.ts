import { diffFields, historyEntry, toHistoryValue } from './change-history';

interface Sample {
  name: string;
  country: string | null;
  sectors: string[];
  magnitude: { value: number; unit: string; currency: string | null } | null;
  notes: string | null;
  secret?: string;
}

const FIELDS = ['name', 'country', 'sectors', 'magnitude', 'notes'] as const;
const before: Sample = { name: 'Aarhus', country: null, sectors: ['ports'], magnitude: { value: 3, unit: 'money', currency: 'EUR' }, notes: null };

describe('diffFields', () => {
  it('lists each tracked field whose value changed, from and to, in the order of the fields', () => {
    expect(diffFields<Sample>(before, { notes: 'Met in May', country: 'DK', name: 'Aarhus', sectors: ['ports', 'wind'] }, FIELDS)).toEqual([
      { field: 'country', from: null, to: 'DK' },
      { field: 'sectors', from: ['ports'], to: ['ports', 'wind'] },
      { field: 'notes', from: null, to: 'Met in May' },
    ]);
  });

  it('ignores fields the change does not give, untracked fields, and objects equal but for key order', () => {
    expect(diffFields<Sample>(before, { magnitude: { currency: 'EUR', unit: 'money', value: 3 }, secret: 'x' }, FIELDS)).toEqual([]);
    expect(diffFields<Sample>(before, { country: undefined }, FIELDS)).toEqual([]);
  });

  it('records clearing a value as a change to null', () => {
    expect(diffFields<Sample>(before, { magnitude: null, sectors: [] }, FIELDS)).toEqual([
      { field: 'sectors', from: ['ports'], to: [] },
      { field: 'magnitude', from: { currency: 'EUR', unit: 'money', value: 3 }, to: null },
    ]);
  });

  it('lists the given values of a new record, leaving out empty ones', () => {
    expect(diffFields<Sample>(null, { ...before, sectors: [] }, FIELDS)).toEqual([
      { field: 'name', from: null, to: 'Aarhus' },
      { field: 'magnitude', from: null, to: { currency: 'EUR', unit: 'money', value: 3 } },
    ]);
  });

  it('treats a field missing from an older stored record as null', () => {
    const legacy = { name: 'Aarhus' } as Sample;
    expect(diffFields<Sample>(legacy, { country: null, notes: 'x' }, FIELDS)).toEqual([{ field: 'notes', from: null, to: 'x' }]);
  });
});

describe('toHistoryValue', () => {
  it('stores plain JSON: dates as ISO text, no undefined, no Mongo ids', () => {
    expect(toHistoryValue({ b: new Date('2025-01-02T03:04:05Z'), a: undefined, _id: 'x', list: [1, 'two', null] })).toEqual({
      a: null,
      b: '2025-01-02T03:04:05.000Z',
      list: [1, 'two', null],
    });
  });
});

describe('historyEntry', () => {
  it('says who, what and when', () => {
    const at = new Date('2025-06-01T10:00:00Z');
    expect(historyEntry({ userId: 'u-1', username: 'anne' }, 'updated', [{ field: 'name', from: 'A', to: 'B' }], at)).toEqual({
      at,
      by: 'u-1',
      byName: 'anne',
      action: 'updated',
      changes: [{ field: 'name', from: 'A', to: 'B' }],
    });
  });
});
