import { join } from 'node:path';
import type * as LocalInfra from '@entente/local-infra';

/**
 * jest runs globalSetup/globalTeardown outside its module registry, so the
 * `@entente/local-infra` path alias (moduleNameMapper) does not resolve there; the
 * launcher is loaded by its path instead (jest still transpiles it). Types come from
 * the alias.
 */
export function loadLocalInfra(): typeof LocalInfra {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(__dirname, '..', '..', '..', 'deploy', 'local', 'src', 'index.ts')) as typeof LocalInfra;
}
