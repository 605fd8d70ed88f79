import type { ReadItem, SourceSettings } from '../connector';
import { readCsvOpportunities } from './csv-opportunities';

const NOW = new Date('2026-12-01T12:00:00Z');
const SOURCE: SourceSettings = {
  sourceId: 'manual-list',
  kind: 'csv',
  url: 'http://127.0.0.1/list.csv',
  funder: 'Land Mecklenburg-Vorpommern',
  funderType: 'state',
  currency: 'EUR',
  timeZone: 'Europe/Berlin',
  countries: ['DE'],
  query: null,
};

function read(csv: string): ReadItem[] {
  return [...readCsvOpportunities(csv, SOURCE, NOW)];
}

describe('CSV opportunities', () => {
  it('maps columns by name, whatever their order and case', () => {
    const [item] = read('Title,ID,Deadline,Amount,Themes,Joint bids allowed,Countries\nBaltic partnerships,mv-1,2027-04-30,"15,000",Regional development; Culture,yes,DE;PL\n');
    expect(item?.record?.sourceRecordId).toBe('mv-1');
    expect(item?.record?.content).toMatchObject({
      title: 'Baltic partnerships',
      funder: 'Land Mecklenburg-Vorpommern',
      funderType: 'state',
      status: 'open',
      award: { floor: null, ceiling: 15000, total: null, currency: 'EUR' },
      themes: ['culture', 'regional-development'],
      jointBidsAllowed: true,
      eligibleCountries: ['DE', 'PL'],
    });
    expect(item?.record?.content.closesAt?.toISOString()).toBe('2027-04-30T21:59:59.000Z');
  });

  it('reports each bad row with its number and the column at fault, and keeps the good ones', () => {
    const items = read(
      'id;title;closesAt;currency;funderType;countries\n' +
        'a;Good;2027-01-31;EUR;state;DE\n' +
        'b;Bad date;31.01.2027;EUR;state;DE\n' +
        ';No id;2027-01-31;EUR;state;DE\n' +
        'c;Bad currency;2027-01-31;EURO;state;DE\n' +
        'd;Bad kind;2027-01-31;EUR;ministry;DE\n' +
        'e;Bad country;2027-01-31;EUR;state;Germany\n',
    );
    expect(items.map((item) => item.record?.sourceRecordId ?? `${item.problem?.record}: ${item.problem?.reason.split(':')[0]}`)).toEqual([
      'a',
      'row 3 (b): closesAt "31.01.2027"',
      'row 4: id is empty',
      'row 5 (c): currency "EURO"',
      'row 6 (d): funderType "ministry"',
      'row 7 (e): countries "GERMANY"',
    ]);
  });

  it('fails the file when the header lacks id or title', () => {
    expect(() => read('name only\nx\n')).toThrow(/no id column/);
    expect(() => read('')).toThrow(/empty/);
  });
});
