import { DuplicateCandidate, findDuplicateGroups, likelyDuplicatesOf, normalisePartnerName } from './partner-duplicates';

const partner = (partnerId: string, name: string, country: string | null, wikidataId: string | null = null): DuplicateCandidate => ({
  partnerId,
  name,
  country,
  wikidataId,
});

describe('normalisePartnerName', () => {
  it.each([
    ['Göteborg', 'goteborg'],
    ['GÖTEBORG', 'goteborg'],
    ['  Frankfurt (Oder) ', 'frankfurt oder'],
    ['  Frankfurt   am Main ', 'frankfurt am main'],
    ['Kraków', 'krakow'],
    ['北京市', '北京市'],
    ['Frankfurt/Oder', 'frankfurt oder'],
    ['Saint-Étienne', 'saint etienne'],
    ['Gießen', 'giessen'],
    ['Łódź', 'lodz'],
    ['Ærø', 'aero'],
    ['Aarhus\tKommune', 'aarhus kommune'],
    ['Xi’an', 'xi an'],
    ['京都市', '京都市'],
  ])('%p is %p', (name, expected) => {
    expect(normalisePartnerName(name)).toBe(expected);
  });
});

describe('findDuplicateGroups', () => {
  it('groups the same Wikidata id whatever the names and countries, and the same name in the same country', () => {
    const groups = findDuplicateGroups([
      partner('p1', 'Aarhus', 'DK', 'Q25319'),
      partner('p2', 'Århus Kommune', null, 'Q25319'),
      partner('p3', 'AARHUS', 'DK'),
      partner('p4', 'Aarhus', 'US'),
      partner('p5', 'Riga', 'LV', 'Q1773'),
    ]);
    expect(groups).toEqual([
      { reason: 'same-wikidata-id', key: 'Q25319', partnerIds: ['p1', 'p2'] },
      { reason: 'same-name-and-country', key: 'aarhus (DK)', partnerIds: ['p1', 'p3'] },
    ]);
  });

  it('reports a partner of unknown country beside every partner of its name, as a weaker reason; different Wikidata items of one name are not matched', () => {
    expect(
      findDuplicateGroups([partner('p1', 'Springfield', null), partner('p2', 'Springfield', null), partner('p3', 'Springfield', 'US'), partner('p4', 'Punct.', 'FR', 'Q1'), partner('p5', 'Other', 'FR', 'Q2')]),
    ).toEqual([{ reason: 'same-name-country-unknown', key: 'springfield', partnerIds: ['p1', 'p2', 'p3'] }]);
    expect(findDuplicateGroups([partner('p1', 'Springfield', 'US'), partner('p2', 'Springfield', 'CA'), partner('p3', 'Paris', null)])).toEqual([]);
  });

  it('finds nothing among distinct partners', () => {
    expect(findDuplicateGroups([])).toEqual([]);
    expect(findDuplicateGroups([partner('p1', 'Aarhus', 'DK')])).toEqual([]);
  });
});

describe('likelyDuplicatesOf', () => {
  const others = [partner('p1', 'Aarhus', 'DK', 'Q25319'), partner('p2', 'aarhus.', 'DK'), partner('p3', 'Aarhus', null), partner('p4', 'Åarhus', 'SE')];

  it('names each other partner once, Wikidata before the name rule, never the partner itself', () => {
    expect(likelyDuplicatesOf(partner('new', ' AARHUS ', 'DK', 'Q25319'), [...others, partner('new', 'Aarhus', 'DK', 'Q25319')])).toEqual([
      { partnerId: 'p1', reason: 'same-wikidata-id' },
      { partnerId: 'p2', reason: 'same-name-and-country' },
      { partnerId: 'p3', reason: 'same-name-country-unknown' },
    ]);
  });

  it('matches a partner of unknown country by Wikidata id first, else by name in any country', () => {
    expect(likelyDuplicatesOf(partner('new', 'Aarhus', null), others)).toEqual([
      { partnerId: 'p1', reason: 'same-name-country-unknown' },
      { partnerId: 'p2', reason: 'same-name-country-unknown' },
      { partnerId: 'p3', reason: 'same-name-country-unknown' },
      { partnerId: 'p4', reason: 'same-name-country-unknown' },
    ]);
    expect(likelyDuplicatesOf(partner('new', 'Aarhus', null, 'Q25319'), others)[0]).toEqual({ partnerId: 'p1', reason: 'same-wikidata-id' });
    expect(likelyDuplicatesOf(partner('new', 'Paris', null), others)).toEqual([]);
  });
});
