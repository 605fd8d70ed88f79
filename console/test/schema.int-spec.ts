import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { DOMAIN_SERVICES } from '@entente/platform';
import { startTestPlatform } from '@entente/e2e-support';

const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');
const HEADER = '# The public API of the supergraph, which the console\'s operations are typed from (npm run typecheck).\n# Generated: ENTENTE_UPDATE_SCHEMA=1 npx jest console/test/schema.int-spec.ts --selectProjects integration\n\n';

/**
 * The console's operations are typed from console/schema.graphql, so a schema
 * change that breaks one fails `npm run typecheck` without a running server.
 * This spec keeps that file honest: it composes the subgraphs the platform
 * really serves (as the gateway does) and fails when the file differs.
 */
describe('console/schema.graphql', () => {
  it('is the public schema the running subgraphs compose to', async () => {
    const platform = await startTestPlatform({ name: 'console-schema' });
    const services = await Promise.all(
      DOMAIN_SERVICES.map(async (name) => {
        const url = `http://127.0.0.1:${platform.settings.ports[name]}/graphql`;
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
        const body = (await response.json()) as { data: { _service: { sdl: string } } };
        return { name, url, typeDefs: parse(body.data._service.sdl) };
      }),
    );
    const composed = composeServices(services);
    expect(composed.errors).toBeUndefined();
    const expected = HEADER + (composed.publicSdl ?? '').trim() + '\n';
    if (process.env.ENTENTE_UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, expected);
    const current = readFileSync(SCHEMA_FILE, 'utf8');
    // Not toEqual on the whole text: a 3000-line diff hides which type changed.
    const changed = diffLines(current, expected);
    if (changed.length > 0) {
      throw new Error(`console/schema.graphql is stale (regenerate it: ${HEADER.split('Generated: ')[1]?.trim()}):\n${changed.join('\n')}`);
    }
  }, 240_000);
});

/** The lines only one side has, marked - (in the file) or + (served), so a failure names the types that changed. */
function diffLines(current: string, expected: string): string[] {
  const have = new Set(current.split('\n'));
  const want = new Set(expected.split('\n'));
  return [...[...have].filter((line) => !want.has(line)).map((line) => `- ${line}`), ...[...want].filter((line) => !have.has(line)).map((line) => `+ ${line}`)];
}
