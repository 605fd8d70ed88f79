// The integration project's per-test timeout. `testTimeout` inside a jest project
// entry is ignored (jest-circus reads only the global config's testTimeout), so a
// project-level value needs this setup file; unit specs keep jest's 5 s default.
jest.setTimeout(120_000);
