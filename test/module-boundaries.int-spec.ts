import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ESLint } from 'eslint';

/**
 * The Nx boundaries `npm run lint` enforces: services and the gateway import libs, never each other; libs never import apps.
 * Lint passing shows no file breaks them today; this shows the rule still fires on a file that does (a weakened
 * config would pass lint). It runs Nx and ESLint over the workspace, so it is an integration spec, not a unit one.
 */
describe('module boundaries', () => {
  const root = join(__dirname, '..');
  let eslint: ESLint;

  beforeAll(() => {
    // The rule reads Nx's cached project graph; `npm run lint` builds it the same way.
    execFileSync(join(root, 'node_modules/.bin/nx'), ['show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
    eslint = new ESLint({ cwd: root });
  }, 60_000);

  const boundaryErrors = async (filePath: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
    return result.messages.filter((message) => message.ruleId === '@nx/enforce-module-boundaries').map((message) => message.message);
  };

  it('fails a service that imports another service', async () => {
    const errors = await boundaryErrors(
      'services/registry/src/partners/illegal.ts',
      "import { TiesService } from '../../../network/src/ties/ties.service';\nexport const leak = TiesService;\n",
    );
    expect(errors).toHaveLength(1);
  });

  it('fails the gateway importing a service', async () => {
    const errors = await boundaryErrors('gateway/src/illegal.ts', "import { PartnerService } from '../../services/registry/src/partners/partner.service';\nexport const leak = PartnerService;\n");
    expect(errors).toHaveLength(1);
  });

  it('fails a lib that imports a service', async () => {
    const errors = await boundaryErrors('libs/persistence/src/illegal.ts', "import { TieRepository } from '../../../services/network/src/ties/tie.repository';\nexport const leak = TieRepository;\n");
    expect(errors).toHaveLength(1);
  });

  it('passes a service importing a lib', async () => {
    const errors = await boundaryErrors('services/registry/src/partners/fine.ts', "import { TOPICS } from '@entente/contracts';\nexport const topic = TOPICS.registryPartner;\n");
    expect(errors).toEqual([]);
  });
});
