import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { featureCycles, featureEdges } from '@entente/testing';

/**
 * No service's feature folders import each other in a circle (see
 * feature-cycles.ts for why). It reads every service's sources, so it is an
 * integration spec; the detection itself is unit-tested.
 */
describe('feature folders', () => {
  const servicesDir = join(__dirname, '..', 'services');
  const sourcesOf = (src: string): Array<{ path: string; source: string }> =>
    (readdirSync(src, { recursive: true }) as string[])
      .filter((path) => path.endsWith('.ts') && !/\.(int-|e2e-)?spec\.ts$/.test(path))
      .map((path) => ({ path: relative(src, join(src, path)).split('\\').join('/'), source: readFileSync(join(src, path), 'utf8') }));

  it.each(readdirSync(servicesDir))('of %s import each other without a cycle', (service) => {
    const files = sourcesOf(join(servicesDir, service, 'src'));
    expect(files.length).toBeGreaterThan(0);
    expect(featureCycles(featureEdges(files))).toEqual([]);
  });
});
