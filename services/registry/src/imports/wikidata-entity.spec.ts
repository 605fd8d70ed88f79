import { ValidationError } from '@entente/errors';
import { parseWikidataEntity, wikidataTimeToIsoDate } from './wikidata-entity';

/** A P580/P582 qualifier as Special:EntityData writes it. */
function time(property: 'P580' | 'P582', value: string, precision: number) {
  return {
    snaktype: 'value',
    property,
    datavalue: {
      value: { time: value, timezone: 0, before: 0, after: 0, precision, calendarmodel: 'http://www.wikidata.org/entity/Q1985727' },
      type: 'time',
    },
    datatype: 'time',
  };
}

function twin(qid: string, options: { rank?: string; since?: [string, number]; until?: [string, number] } = {}) {
  const qualifiers: Record<string, unknown[]> = {};
  if (options.since) qualifiers['P580'] = [time('P580', ...options.since)];
  if (options.until) qualifiers['P582'] = [time('P582', ...options.until)];
  return {
    mainsnak: {
      snaktype: 'value',
      property: 'P190',
      datavalue: { value: { 'entity-type': 'item', 'numeric-id': Number(qid.slice(1)), id: qid }, type: 'wikibase-entityid' },
      datatype: 'wikibase-item',
    },
    type: 'statement',
    ...(Object.keys(qualifiers).length > 0 && { qualifiers, 'qualifiers-order': Object.keys(qualifiers) }),
    id: `Q2861$${qid}`,
    rank: options.rank ?? 'normal',
  };
}

/**
 * Hand-written in the shape of Special:EntityData/Q2861.json (no network here);
 * the counterparts are Rostock's real twins, the dates illustrative.
 */
const ROSTOCK = {
  entities: {
    Q2861: {
      pageid: 3898,
      ns: 0,
      title: 'Q2861',
      type: 'item',
      id: 'Q2861',
      labels: {
        fr: { language: 'fr', value: 'Rostock' },
        de: { language: 'de', value: 'Rostock' },
        en: { language: 'en', value: 'Rostock' },
        pl: { language: 'pl', value: 'Rostock' },
      },
      descriptions: { en: { language: 'en', value: 'city in Mecklenburg-Vorpommern, Germany' } },
      claims: {
        P17: [{ mainsnak: { snaktype: 'value', property: 'P17', datavalue: { value: { id: 'Q183' }, type: 'wikibase-entityid' } }, rank: 'normal' }],
        P190: [
          twin('Q393', { since: ['+1957-00-00T00:00:00Z', 9] }), // Szczecin, year precision
          twin('Q1773', { since: ['+1961-05-00T00:00:00Z', 10] }), // Riga, month precision
          twin('Q38511', { since: ['+1959-06-14T00:00:00Z', 11] }), // Turku, day precision
          twin('Q45797', { since: ['+1960-00-00T00:00:00Z', 9], until: ['+1990-10-03T00:00:00Z', 11] }), // Dunkirk, ended
          twin('Q25319'), // Aarhus, no qualifiers
          twin('Q656', { rank: 'deprecated', since: ['+1957-00-00T00:00:00Z', 9] }), // Saint Petersburg, marked wrong
          twin('Q24879', { rank: 'preferred', since: ['+1987-00-00T00:00:00Z', 9] }), // Bremen
          twin('Q74881', { since: ['+1980-00-00T00:00:00Z', 8] }), // Dalian, decade precision only
          { mainsnak: { snaktype: 'somevalue', property: 'P190', datatype: 'wikibase-item' }, type: 'statement', rank: 'normal' },
          { mainsnak: { snaktype: 'novalue', property: 'P190', datatype: 'wikibase-item' }, type: 'statement', rank: 'normal' },
        ],
      },
    },
  },
};

describe('parseWikidataEntity (Rostock, Q2861)', () => {
  const rostock = parseWikidataEntity(ROSTOCK);

  it('turns P190 claims into ties with since/until at their precision', () => {
    expect(rostock.qid).toBe('Q2861');
    expect(rostock.ties).toEqual([
      { counterpartQid: 'Q393', since: '1957-01-01' },
      { counterpartQid: 'Q1773', since: '1961-05-01' },
      { counterpartQid: 'Q38511', since: '1959-06-14' },
      { counterpartQid: 'Q45797', since: '1960-01-01', until: '1990-10-03' },
      { counterpartQid: 'Q25319' },
      { counterpartQid: 'Q24879', since: '1987-01-01' },
      { counterpartQid: 'Q74881' },
    ]);
  });

  it('skips deprecated, somevalue and novalue claims, saying why', () => {
    expect(rostock.skipped).toEqual([
      { index: 5, reason: 'deprecated rank' },
      { index: 8, reason: 'somevalue claim names no counterpart' },
      { index: 9, reason: 'novalue claim names no counterpart' },
    ]);
  });

  it('labels the entity by language preference, then any language', () => {
    expect(rostock.label).toEqual({ language: 'en', value: 'Rostock' });
    expect(parseWikidataEntity(ROSTOCK, { languages: ['pl', 'en'] }).label).toEqual({ language: 'pl', value: 'Rostock' });
    const onlyFrench = { entities: { Q2861: { id: 'Q2861', labels: { fr: { language: 'fr', value: 'Rostock (ville)' } } } } };
    expect(parseWikidataEntity(onlyFrench).label).toEqual({ language: 'fr', value: 'Rostock (ville)' });
    expect(parseWikidataEntity({ entities: { Q2861: { id: 'Q2861' } } })).toEqual({ qid: 'Q2861', ties: [], skipped: [] });
  });

  it('follows a redirect: the entity id wins over the key asked for', () => {
    const redirected = { entities: { Q2861: { ...ROSTOCK.entities.Q2861, id: 'Q9999' } } };
    expect(parseWikidataEntity(redirected, { qid: 'Q2861' }).qid).toBe('Q9999');
  });

  it.each([null, [], 'text', {}, { entities: [] }, { entities: { Q1: {}, Q2: {} } }, { entities: { Q1: { id: 'Berlin' } } }])(
    'rejects %p as not entity data, naming the field',
    (document) => {
      expect(() => parseWikidataEntity(document)).toThrow(ValidationError);
    },
  );
});

describe('wikidataTimeToIsoDate', () => {
  it.each([
    ['+1957-00-00T00:00:00Z', 9, '1957-01-01'],
    ['+1957-03-00T00:00:00Z', 9, '1957-01-01'],
    ['+1957-03-00T00:00:00Z', 10, '1957-03-01'],
    ['+1957-00-00T00:00:00Z', 10, '1957-01-01'],
    ['+1957-03-21T00:00:00Z', 11, '1957-03-21'],
    ['+1957-03-21T00:00:00Z', 10, '1957-03-01'],
    ['+1957-03-00T00:00:00Z', 11, '1957-03-01'],
    ['+1957-03-21T00:00:00Z', 14, '1957-03-21'],
    ['+1950-00-00T00:00:00Z', 8, undefined],
    ['-0044-03-15T00:00:00Z', 11, undefined],
    ['+1957-02-30T00:00:00Z', 11, undefined],
    ['+1957-13-01T00:00:00Z', 10, undefined],
    ['1957-01-01', 11, undefined],
  ])('%s at precision %d is %p', (value, precision, expected) => {
    expect(wikidataTimeToIsoDate(value, precision)).toBe(expected);
  });
});
