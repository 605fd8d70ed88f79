import { scopeOf } from '@entente/persistence';
import { catalogueActor, partnerRenames } from './twinning-partner-names';

const rostock = scopeOf({ jurisdictionId: 'rostock', userId: 'u', roles: [] });
const dortmund = scopeOf({ jurisdictionId: 'dortmund', userId: 'u', roles: [] });

describe('partnerRenames', () => {
  const labels = new Map([
    ['Q1781', 'Riga'],
    ['Q25319', '  Aarhus '],
    ['Q99', 'Q99'],
  ]);

  it('names each partner the catalogue has a label for, in every jurisdiction', () => {
    expect(
      partnerRenames(
        [
          { scope: rostock, partnerId: 'p1', wikidataId: 'Q1781' },
          { scope: dortmund, partnerId: 'p2', wikidataId: 'Q1781' },
          { scope: rostock, partnerId: 'p3', wikidataId: 'Q25319' },
        ],
        labels,
      ),
    ).toEqual([
      { scope: rostock, partnerId: 'p1', wikidataId: 'Q1781', name: 'Riga' },
      { scope: dortmund, partnerId: 'p2', wikidataId: 'Q1781', name: 'Riga' },
      { scope: rostock, partnerId: 'p3', wikidataId: 'Q25319', name: 'Aarhus' },
    ]);
  });

  it('leaves a partner the catalogue cannot name: no label, a blank one, or the id itself', () => {
    const partners = [
      { scope: rostock, partnerId: 'p4', wikidataId: 'Q7' },
      { scope: rostock, partnerId: 'p5', wikidataId: 'Q99' },
      { scope: rostock, partnerId: 'p6', wikidataId: 'Q8' },
    ];
    expect(partnerRenames(partners, new Map([...labels, ['Q8', ' ']]))).toEqual([]);
  });
});

describe('catalogueActor', () => {
  it('is the system, acting in the partner’s own jurisdiction', () => {
    expect(catalogueActor(dortmund)).toEqual({ userId: 'system', username: 'system (twinning catalogue)', jurisdictionId: 'dortmund', roles: [] });
  });
});
