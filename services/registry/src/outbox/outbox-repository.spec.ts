import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Calls on a mongoose model that change documents. */
const MODEL_WRITE = /this\.model\s*\.\s*(updateOne|updateMany|deleteOne|deleteMany|insertMany|bulkWrite|create|findOneAndUpdate|findOneAndReplace|findOneAndDelete|replaceOne)\b/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * The view cache is only as good as the rule that every write of a registry
 * record bumps the jurisdiction's inventory version, which OutboxRepository's
 * write methods do. A repository that wrote through its model directly would
 * let a cached view miss the change: none may.
 */
describe('registry record repositories', () => {
  const src = join(__dirname, '..');
  const repositories = sourceFiles(src).filter((path) => /extends OutboxRepository</.test(readFileSync(path, 'utf8')));

  it('are found (assets, partners, relationships, engagements, jurisdictions)', () => {
    expect(repositories.map((path) => relative(src, path)).sort()).toEqual(
      expect.arrayContaining([
        'assets/asset.repository.ts',
        'engagements/engagement.repository.ts',
        'jurisdictions/jurisdiction.repository.ts',
        'partners/partner.repository.ts',
        'relationships/relationship.repository.ts',
      ]),
    );
  });

  it('write only through the base’s methods, never through their model', () => {
    const direct = repositories.flatMap((path) => [...readFileSync(path, 'utf8').matchAll(MODEL_WRITE)].map((match) => `${relative(src, path)}: this.model.${match[1]}`));
    expect(direct).toEqual([]);
  });

  it('would be caught writing through their model', () => {
    expect('await this.model\n      .updateMany({ partnerId }, { $set: { partnerName } })'.match(MODEL_WRITE)).toHaveLength(1);
  });
});
