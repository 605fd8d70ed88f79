// Two tiers: `unit` runs plain specs beside the code with no I/O; `integration`
// runs *.int-spec.ts and *.e2e-spec.ts against real Kafka, MongoDB-wire and
// Keycloak servers that the global setup starts (or attaches to) once per run.
const { readFileSync } = require('node:fs');
const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const moduleNameMapper = {
  '^@entente/local-infra$': '<rootDir>/deploy/local/src/index.ts',
  '^@entente/platform$': '<rootDir>/tools/platform/src/index.ts',
  '^@entente/registry$': '<rootDir>/services/registry/src/index.ts',
  '^@entente/planning$': '<rootDir>/services/planning/src/index.ts',
  '^@entente/funding$': '<rootDir>/services/funding/src/index.ts',
  '^@entente/network$': '<rootDir>/services/network/src/index.ts',
  '^@entente/e2e-support$': '<rootDir>/test/support/index.ts',
  '^@entente/(.*)$': '<rootDir>/libs/$1/src/index.ts',
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper,
  roots: ['<rootDir>/libs', '<rootDir>/services', '<rootDir>/gateway', '<rootDir>/deploy', '<rootDir>/tools', '<rootDir>/test', '<rootDir>/console'],
};

module.exports = {
  projects: [
    // No sockets, servers or child processes in a unit spec (see the file).
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'], setupFilesAfterEnv: ['<rootDir>/libs/testing/src/unit-no-io.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.int-spec.ts', '**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
      // Not `testTimeout: …`: jest ignores it inside a project entry (see the file).
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/integration-timeout.ts'],
    },
  ],
};
