import { createTestUser, deleteTestUser, type TestUser } from '@entente/testing';
import { type GraphQLResponse, startTestPlatform, type TestJurisdiction, type TestPlatform, testJurisdictions } from '@entente/e2e-support';
import { ConsoleBrowser } from './console-browser';

/** The answer's data, after checking the API refused nothing. */
export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

/** A German city named "Hansestadt <prefix>", onboarded by the platform admin through the API: no records, strategy or plan yet. */
export async function onboardGermanCity(platform: TestPlatform, platformAdmin: TestUser, jurisdictions: { create(prefix: string): TestJurisdiction }, prefix: string): Promise<TestJurisdiction> {
  const j = jurisdictions.create(prefix);
  ok(
    await platform.graphql(
      await platformAdmin.token(),
      `mutation($id: String!) { onboardJurisdiction(input: { id: $id, name: "Hansestadt ${prefix}", level: CITY, country: "DE", timeZone: "Europe/Berlin", currency: "EUR", fiscalYearStart: "01-01", languages: ["de"] }) { jurisdiction { id } } }`,
      { id: j.id },
    ),
  );
  return j;
}

/** What every browser spec shares: set up before its first test, taken down after its last (consoleSuite). */
export interface ConsoleSuite {
  /** The end-to-end platform (the jest worker's shared one). */
  readonly platform: TestPlatform;
  /** The built console beside it, driven in Chromium. */
  readonly consoleBrowser: ConsoleBrowser;
  /** A platform admin (no jurisdiction of their own). */
  readonly platformAdmin: TestUser;
  /** The spec's jurisdictions; their users are deleted afterwards. */
  readonly jurisdictions: ReturnType<typeof testJurisdictions>;
  /** A German city onboarded by the platform admin (onboardGermanCity). */
  onboarded(prefix: string): Promise<TestJurisdiction>;
}

/**
 * Registers the set-up and take-down every browser spec shares (call it in
 * the spec's describe): the platform, the console in Chromium, a platform
 * admin, and the spec's jurisdictions, whose users are deleted afterwards
 * with the platform admin. What a spec adds of its own it cleans up in an
 * afterAll of its own.
 */
export function consoleSuite(name: string): ConsoleSuite {
  let platform: TestPlatform | undefined;
  let consoleBrowser: ConsoleBrowser | undefined;
  let platformAdmin: TestUser | undefined;
  const jurisdictions = testJurisdictions();
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not set up yet: use the suite inside a test or a hook`);
    return value;
  };
  beforeAll(async () => {
    platform = await startTestPlatform({ name });
    consoleBrowser = await ConsoleBrowser.start(platform);
    platformAdmin = await createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] });
  }, 240_000);
  afterAll(async () => {
    await consoleBrowser?.close();
    await jurisdictions.deleteUsers();
    if (platformAdmin) await deleteTestUser(platformAdmin.id);
    // Left running, a platform of the spec's own keeps Jest (and the shared e2e lock) from ever finishing; the shared one stays.
    await platform?.stop();
  });
  return {
    get platform() {
      return ready(platform, 'the platform');
    },
    get consoleBrowser() {
      return ready(consoleBrowser, 'the console browser');
    },
    get platformAdmin() {
      return ready(platformAdmin, 'the platform admin');
    },
    jurisdictions,
    onboarded: (prefix) => onboardGermanCity(ready(platform, 'the platform'), ready(platformAdmin, 'the platform admin'), jurisdictions, prefix),
  };
}
