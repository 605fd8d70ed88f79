// Module boundaries that bite: services and the gateway import libs, never each
// other; libs never import services, the gateway or tooling.
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/node_modules/**', 'dist/**', '.runtime/**', '.nx/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'console/src/gql/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:gateway', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling'] },
            // The console runs in a browser: the workspace's libraries are Node code.
            { sourceTag: 'type:console', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
    },
  },
  {
    // Specs may pull test support; production code may not.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'console/test/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The end-to-end support (test/support) under the name the console's browser tests import it by.
          allow: ['@entente/e2e-support'],
          depConstraints: [
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:testing', 'type:tooling'] },
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:gateway', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling', 'type:testing'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling', 'type:testing'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling', 'type:testing'] },
            // Its browser tests start the end-to-end platform (test/support) and the console server (tools/platform).
            { sourceTag: 'type:console', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling', 'type:testing', 'type:e2e'] },
          ],
        },
      ],
    },
  },
  {
    // The benchmarks run the registry's inventory, planning's pure code, funding's extract ingest and
    // network's spotter in process, through their public modules (services/<name>/src/index.ts, the one
    // path each of @entente/registry, @entente/planning, @entente/funding and @entente/network names)
    // and nothing else of them.
    files: ['tools/bench/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['@entente/registry', '@entente/planning', '@entente/funding', '@entente/network'],
          depConstraints: [{ sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling', 'type:testing'] }],
        },
      ],
    },
  },
  {
    // The demo's Grants.gov extract comes from funding's generator, through its public module only.
    files: ['tools/platform/src/demo-funding-files.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['@entente/funding'],
          depConstraints: [{ sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:lib', 'type:tooling'] }],
        },
      ],
    },
  },
  {
    files: ['console/src/**/*.ts', 'console/src/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
];
