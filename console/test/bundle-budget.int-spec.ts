import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(__dirname, '..', '..', 'dist', 'console');
/** The first route's JavaScript, gzip: what a person waits for before the console shows anything. */
const BUDGET_BYTES = 250 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * Reads Vite's manifest of the built console (npm run build:console): the
 * entry and every chunk it imports statically load before the first screen;
 * lazy routes (dynamicImports) do not count.
 */
describe('the console’s JavaScript budget', () => {
  it('keeps the first route within 250 kB gzip', () => {
    const manifestFile = join(DIST, '.vite', 'manifest.json');
    if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build the console first (npm run build:console)`);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
    const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
    expect(entry).toBeDefined();
    const loaded = new Set<string>();
    const visit = (key: string): void => {
      if (loaded.has(key)) return;
      loaded.add(key);
      for (const imported of manifest[key]?.imports ?? []) visit(imported);
    };
    visit(entry as string);
    const sizes = [...loaded].map((key) => {
      const file = (manifest[key] as ManifestChunk).file;
      return { file, gzip: gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length };
    });
    const total = sizes.reduce((sum, chunk) => sum + chunk.gzip, 0);
    process.stdout.write(`console first route: ${(total / 1024).toFixed(1)} kB gzip (${sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} kB`).join(', ')})\n`);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
