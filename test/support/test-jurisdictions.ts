import { createTestUser, deleteTestUser, newJurisdictionId, type TestUser } from '@entente/testing';
import type { TestPlatform } from './platform-fixture';

export type JurisdictionRole = 'staff' | 'viewer' | 'jurisdiction-admin' | 'executive';

/** A jurisdiction one test has to itself: whatever it reads there, it wrote there. */
export interface TestJurisdiction {
  readonly id: string;
  /** The jurisdiction's user with this role, made in Keycloak on first use and the same one after. */
  user(role: JurisdictionRole): Promise<TestUser>;
  /** A fresh access token of that user. */
  token(role: JurisdictionRole): Promise<string>;
}

/**
 * Makes a new jurisdiction per test, so no test depends on what another left
 * behind or on the order they run in; users are made only for the roles a
 * test asks for. `deleteUsers()` (in afterAll) removes every user it made.
 */
export function testJurisdictions(): { create(prefix: string): TestJurisdiction; deleteUsers(): Promise<void> } {
  const made: Array<Promise<TestUser>> = [];
  return {
    create(prefix) {
      const id = newJurisdictionId(prefix);
      const users = new Map<JurisdictionRole, Promise<TestUser>>();
      const user = (role: JurisdictionRole): Promise<TestUser> => {
        let found = users.get(role);
        if (!found) {
          found = createTestUser({ jurisdiction: id, roles: [role] });
          users.set(role, found);
          made.push(found);
        }
        return found;
      };
      return { id, user, token: async (role) => (await user(role)).token() };
    },
    async deleteUsers() {
      await Promise.all(made.map((user) => user.then((u) => deleteTestUser(u.id)).catch(() => undefined)));
    },
  };
}

/** Onboards a German city under the given id (a platform-admin's token), as the network specs' members are. */
export async function onboardGermanCity(platform: Pick<TestPlatform, 'graphql'>, adminToken: string, id: string, name: string): Promise<void> {
  const response = await platform.graphql(
    adminToken,
    `mutation($id: String!, $name: String!) { onboardJurisdiction(input: { id: $id, name: $name, level: CITY, country: "DE", timeZone: "Europe/Berlin", currency: "EUR", fiscalYearStart: "01-01", languages: ["de"] }) { jurisdiction { id } } }`,
    { id, name },
  );
  if (response.errors) throw new Error(`onboarding ${id} failed: ${JSON.stringify(response.errors)}`);
}
