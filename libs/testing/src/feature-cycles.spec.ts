import { featureCycles, featureEdges, featureOf } from './feature-cycles';

describe('feature cycles', () => {
  it('maps files to their feature folder; root files belong to none', () => {
    expect(featureOf('partners/partner.service.ts')).toBe('partners');
    expect(featureOf('app.module.ts')).toBeNull();
  });

  it('finds the edges of relative imports between features, not within one or from the root', () => {
    const edges = featureEdges([
      { path: 'views/country-profile.service.ts', source: "import { AssetRepository } from '../assets/asset.repository';\nimport { x } from './y';" },
      { path: 'assets/asset.service.ts', source: "import { Problems } from '@entente/validation';" },
      { path: 'app.module.ts', source: "import { ViewsModule } from './views/views.module';" },
    ]);
    expect(edges).toEqual([['views', 'assets']]);
  });

  it('reports a cycle between two features, and a longer one, once each', () => {
    const edges = featureEdges([
      { path: 'partners/partner-merge.service.ts', source: "import { R } from '../relationships/relationship.repository';" },
      { path: 'relationships/relationships.module.ts', source: "import { PartnersModule } from '../partners/partners.module';" },
      { path: 'a/x.ts', source: "import { B } from '../b/y';" },
      { path: 'b/y.ts', source: "import { C } from '../c/z';" },
      { path: 'c/z.ts', source: "import { A } from '../a/x';" },
    ]);
    expect(featureCycles(edges)).toEqual([
      ['partners', 'relationships'],
      ['a', 'b', 'c'],
    ]);
  });

  it('finds none in a tree', () => {
    expect(featureCycles([['views', 'assets'], ['assets', 'relationships'], ['views', 'relationships']])).toEqual([]);
  });
});
