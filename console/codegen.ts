import type { CodegenConfig } from '@graphql-codegen/cli';

// Types every operation in console/src from console/schema.graphql (the
// supergraph's public API, kept current by console/test/schema.int-spec.ts).
// An operation the schema no longer answers fails here, inside npm run typecheck.
const config: CodegenConfig = {
  schema: 'console/schema.graphql',
  documents: ['console/src/**/*.{ts,tsx}', '!console/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'console/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { DateTime: 'string' } },
    },
  },
  silent: true,
};

export default config;
