import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { createTestUser, deleteTestUser, fetchToken, keycloakAdmin, newJurisdictionId, signInThroughLoginPages, testEndpoints, TestUser } from '@entente/testing';
import { eventually, GraphQLResponse, startTestPlatform, TestPlatform, testJurisdictions } from '../support';

/**
 * The life of a jurisdiction through the gateway with real Keycloak sign-ins:
 * a platform-admin onboards it and its first admin, who signs in through
 * Keycloak's own login pages, invites a staff member who works only inside
 * the jurisdiction, and deactivates them (their next request is refused);
 * other services learn the profile from events; offboarding hands over the
 * archive and then no service's database holds anything of the jurisdiction.
 */
describe('jurisdictions through the gateway', () => {
  let platform: TestPlatform;
  let platformAdmin: TestUser;
  // Users of other jurisdictions, made per test; each test onboards the jurisdiction it works on.
  const others = testJurisdictions();
  /** Keycloak users a test made by onboarding or inviting, removed at the end unless offboarding did it. */
  const invited: string[] = [];

  const PROFILE = `id name level country subdivision wikidataId timeZone currency fiscalYearStart languages population status`;
  const ONBOARD = `mutation($input: OnboardJurisdictionInput!) { onboardJurisdiction(input: $input) { jurisdiction { ${PROFILE} } firstAdmin { temporaryPassword user { id username roles enabled jurisdictionId } } } }`;
  const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { temporaryPassword user { id username roles enabled } } }`;
  const USERS = `query($j: ID) { jurisdictionUsers(jurisdictionId: $j) { id username roles enabled } }`;

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }
  function codeOf(response: GraphQLResponse): unknown {
    return response.errors?.[0]?.extensions?.['code'];
  }

  const suffix = () => randomBytes(4).toString('hex');
  const profileOf = (id: string, adminEmail: string) => ({
    id,
    name: 'Hanseatic City of Testock',
    level: 'CITY',
    country: 'DE',
    subdivision: 'DE-MV',
    wikidataId: 'Q2861',
    timeZone: 'Europe/Berlin',
    currency: 'EUR',
    fiscalYearStart: '01-01',
    languages: ['de'],
    population: 209061,
    firstAdmin: { email: adminEmail, firstName: 'Anna', lastName: 'Admin' },
  });

  interface Onboarded {
    id: string;
    adminEmail: string;
    adminPassword: string;
    adminToken: string;
  }
  /** A jurisdiction of the test's own: onboarded, its first admin signed in through the login pages, then activated. */
  async function onboard(): Promise<Onboarded> {
    const id = newJurisdictionId('onb');
    const adminEmail = `first-admin-${suffix()}@example.org`;
    const adminPassword = `Pw-${randomBytes(9).toString('hex')}`;
    const done = ok(await platform.graphql<{ onboardJurisdiction: { firstAdmin: { temporaryPassword: string; user: { id: string } } } }>(
      await platformAdmin.token(),
      ONBOARD,
      { input: profileOf(id, adminEmail) },
    )).onboardJurisdiction;
    invited.push(done.firstAdmin.user.id);
    const adminToken = await signInThroughLoginPages({ username: adminEmail, password: done.firstAdmin.temporaryPassword, newPassword: adminPassword });
    ok(await platform.graphql(await platformAdmin.token(), `mutation($id: ID!) { changeJurisdictionStatus(id: $id, status: ACTIVE) { status } }`, { id }));
    return { id, adminEmail, adminPassword, adminToken };
  }
  /** A staff member the jurisdiction's admin invites, signed in with the password they chose. */
  async function inviteStaff(jurisdiction: Onboarded): Promise<{ staffId: string; staffEmail: string; staffToken: string }> {
    const staffEmail = `staff-${suffix()}@example.org`;
    const invitation = ok(await platform.graphql<{ inviteUser: { temporaryPassword: string; user: { id: string } } }>(jurisdiction.adminToken, INVITE, {
      input: { email: staffEmail, firstName: 'Sam', lastName: 'Staff', roles: ['STAFF'] },
    })).inviteUser;
    invited.push(invitation.user.id);
    const staffToken = await signInThroughLoginPages({ username: staffEmail, password: invitation.temporaryPassword, newPassword: `Pw-${randomBytes(9).toString('hex')}` });
    return { staffId: invitation.user.id, staffEmail, staffToken };
  }
  const deactivate = async (adminToken: string, userId: string) =>
    ok(await platform.graphql<{ deactivateUser: { enabled: boolean } }>(adminToken, `mutation($id: ID!) { deactivateUser(userId: $id) { enabled } }`, { id: userId })).deactivateUser;

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'jurisdictions' });
    platformAdmin = await createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] });
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
    await Promise.all([...(platformAdmin ? [platformAdmin.id] : []), ...invited].map((id) => deleteTestUser(id).catch(() => undefined)));
    await others.deleteUsers();
  });

  it('lets only a platform-admin onboard, and names bad profile fields', async () => {
    const jurisdictionId = newJurisdictionId('onb');
    const adminEmail = `first-admin-${suffix()}@example.org`;
    const input = profileOf(jurisdictionId, adminEmail);
    expect(codeOf(await platform.graphql(await others.create('other').token('jurisdiction-admin'), ONBOARD, { input }))).toBe('FORBIDDEN');

    const bad = await platform.graphql(await platformAdmin.token(), ONBOARD, { input: { ...input, timeZone: 'Mars/Olympus', subdivision: 'US-MD' } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.['field']).toBe('subdivision');
    expect(JSON.stringify(bad.errors)).toContain('timeZone');

    const done = ok(await platform.graphql<{ onboardJurisdiction: { jurisdiction: { id: string; status: string }; firstAdmin: { temporaryPassword: string; user: { id: string; roles: string[]; jurisdictionId: string } } } }>(
      await platformAdmin.token(),
      ONBOARD,
      { input },
    )).onboardJurisdiction;
    invited.push(done.firstAdmin.user.id);
    expect(done.jurisdiction).toMatchObject({ id: jurisdictionId, status: 'ONBOARDING', country: 'DE', languages: ['de'] });
    expect(done.firstAdmin.user).toMatchObject({ roles: ['JURISDICTION_ADMIN'], jurisdictionId });

    const again = await platform.graphql(await platformAdmin.token(), ONBOARD, { input: { ...input, firstAdmin: { ...input.firstAdmin, email: `x-${adminEmail}` } } });
    expect(codeOf(again)).toBe('CONFLICT');

    // The first admin signs in through Keycloak's login pages and must replace the temporary password.
    const adminToken = await signInThroughLoginPages({ username: adminEmail, password: done.firstAdmin.temporaryPassword, newPassword: `Pw-${randomBytes(9).toString('hex')}` });
    const own = ok(await platform.graphql<{ jurisdiction: { id: string; name: string } }>(adminToken, `{ jurisdiction { id name } }`));
    expect(own.jurisdiction).toEqual({ id: jurisdictionId, name: 'Hanseatic City of Testock' });

    const activated = ok(await platform.graphql<{ changeJurisdictionStatus: { status: string } }>(
      await platformAdmin.token(),
      `mutation($id: ID!) { changeJurisdictionStatus(id: $id, status: ACTIVE) { status } }`,
      { id: jurisdictionId },
    ));
    expect(activated.changeJurisdictionStatus.status).toBe('ACTIVE');
  }, 60_000);

  it('hides a jurisdiction from the admins of others', async () => {
    const { id: jurisdictionId } = await onboard();
    const token = await others.create('other').token('jurisdiction-admin');
    expect(codeOf(await platform.graphql(token, `query($id: ID) { jurisdiction(id: $id) { id } }`, { id: jurisdictionId }))).toBe('NOT_FOUND');
    expect(codeOf(await platform.graphql(token, USERS, { j: jurisdictionId }))).toBe('NOT_FOUND');
    expect(codeOf(await platform.graphql(token, `mutation($id: ID) { updateJurisdictionProfile(id: $id, input: { population: 1 }) { id } }`, { id: jurisdictionId }))).toBe('NOT_FOUND');
    expect(codeOf(await platform.graphql(token, `{ jurisdictions { totalCount } }`))).toBe('FORBIDDEN');
    expect(codeOf(await platform.graphql(token, `query($id: ID) { jurisdictionExport(id: $id) { digest } }`, { id: jurisdictionId }))).toBe('NOT_FOUND');
  }, 60_000);

  it('lets the admin invite a staff member who works only inside the jurisdiction', async () => {
    const { adminEmail, adminToken } = await onboard();
    const staffEmail = `staff-${suffix()}@example.org`;
    const refused = await platform.graphql(adminToken, INVITE, { input: { email: staffEmail, firstName: 'Sam', lastName: 'Staff', roles: ['PLATFORM_ADMIN'] } });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.['field']).toBe('roles');

    const invitation = ok(await platform.graphql<{ inviteUser: { temporaryPassword: string; user: { id: string; roles: string[]; enabled: boolean } } }>(adminToken, INVITE, {
      input: { email: staffEmail, firstName: 'Sam', lastName: 'Staff', roles: ['STAFF'] },
    })).inviteUser;
    invited.push(invitation.user.id);
    expect(invitation.user).toMatchObject({ roles: ['STAFF'], enabled: true });
    const staffId = invitation.user.id;
    expect(codeOf(await platform.graphql(adminToken, INVITE, { input: { email: staffEmail, firstName: 'Sam', lastName: 'Again', roles: ['VIEWER'] } }))).toBe('CONFLICT');

    const newPassword = `Pw-${randomBytes(9).toString('hex')}`;
    const staffToken = await signInThroughLoginPages({ username: staffEmail, password: invitation.temporaryPassword, newPassword });
    // From now on an ordinary sign-in works with the password they chose.
    expect(await fetchToken({ username: staffEmail, password: newPassword })).toEqual(expect.any(String));

    const partner = ok(await platform.graphql<{ registerPartner: { id: string } }>(staffToken, `mutation { registerPartner(input: { name: "Aarhus", kind: CITY, country: "DK" }) { id } }`));
    expect(partner.registerPartner.id).toEqual(expect.any(String));
    const theirs = ok(await platform.graphql<{ partners: { nodes: Array<{ name: string }> } }>(staffToken, `{ partners { nodes { name } } }`));
    expect(theirs.partners.nodes.map((p) => p.name)).toEqual(['Aarhus']);
    const otherAdmin = await others.create('other').token('jurisdiction-admin');
    const othersPartners = ok(await platform.graphql<{ partners: { totalCount: number } }>(otherAdmin, `{ partners { totalCount } }`));
    expect(othersPartners.partners.totalCount).toBe(0);

    expect(codeOf(await platform.graphql(staffToken, INVITE, { input: { email: `n-${staffEmail}`, firstName: 'N', lastName: 'N', roles: ['VIEWER'] } }))).toBe('FORBIDDEN');
    const users = ok(await platform.graphql<{ jurisdictionUsers: Array<{ username: string; roles: string[] }> }>(adminToken, USERS)).jurisdictionUsers;
    expect(users.map((u) => u.username).sort()).toEqual([adminEmail, staffEmail].sort());
    // Another jurisdiction's admin cannot touch the staff member.
    expect(codeOf(await platform.graphql(otherAdmin, `mutation($id: ID!) { deactivateUser(userId: $id) { id } }`, { id: staffId }))).toBe('NOT_FOUND');
  }, 60_000);

  it('tells the other services about the profile through events', async () => {
    const { id: jurisdictionId, adminToken } = await onboard();
    const updated = ok(await platform.graphql<{ updateJurisdictionProfile: { population: number } }>(adminToken, `mutation { updateJurisdictionProfile(input: { population: 210000 }) { population } }`));
    expect(updated.updateJurisdictionProfile.population).toBe(210000);
    const bad = await platform.graphql(adminToken, `mutation { updateJurisdictionProfile(input: { fiscalYearStart: "13-01" }) { id } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fiscalYearStart' });

    const connection = await mongoose.createConnection(testEndpoints().mongoUrl, { dbName: `${platform.databasePrefix}_planning` }).asPromise();
    try {
      const { value } = await eventually(
        () => connection.collection('jurisdiction_directory').findOne({ jurisdictionId }),
        (doc) => doc?.['population'] === 210000,
        15_000,
      );
      expect(value).toMatchObject({ jurisdictionId, name: 'Hanseatic City of Testock', status: 'active', currency: 'EUR' });
    } finally {
      await connection.close();
    }
  }, 60_000);

  it('refuses a deactivated user on their very next request', async () => {
    const jurisdiction = await onboard();
    const { adminToken } = jurisdiction;
    const { staffId, staffToken } = await inviteStaff(jurisdiction);
    expect(codeOf(await platform.graphql(adminToken, `mutation($id: ID!) { deactivateUser(userId: $id) { id } }`, { id: 'not a user id!' }))).toBe('BAD_USER_INPUT');
    const before = await platform.graphql(staffToken, `{ partners { totalCount } }`);
    expect(before.errors).toBeUndefined();
    expect((await deactivate(adminToken, staffId)).enabled).toBe(false);
    const after = await platform.graphql(staffToken, `{ partners { totalCount } }`);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'inactive_token' });
  }, 60_000);

  it('suspends a jurisdiction: its users are refused until it is reactivated', async () => {
    const jurisdiction = await onboard();
    const { id: jurisdictionId, adminEmail, adminPassword } = jurisdiction;
    let { adminToken } = jurisdiction;
    // A staff member deactivated on purpose before the suspension.
    const { staffId } = await inviteStaff(jurisdiction);
    await deactivate(adminToken, staffId);

    const STATUS = `mutation($id: ID!, $status: JurisdictionStatus!) { changeJurisdictionStatus(id: $id, status: $status, reason: "unpaid invoice") { status statusReason } }`;
    const suspended = ok(await platform.graphql<{ changeJurisdictionStatus: { status: string; statusReason: string } }>(await platformAdmin.token(), STATUS, { id: jurisdictionId, status: 'SUSPENDED' }));
    expect(suspended.changeJurisdictionStatus).toEqual({ status: 'SUSPENDED', statusReason: 'unpaid invoice' });
    expect((await platform.graphql(adminToken, `{ jurisdiction { id } }`)).status).toBe(401);
    await expect(fetchToken({ username: adminEmail, password: adminPassword })).rejects.toThrow(/400|401/);

    ok(await platform.graphql(await platformAdmin.token(), STATUS, { id: jurisdictionId, status: 'ACTIVE' }));
    adminToken = await fetchToken({ username: adminEmail, password: adminPassword });
    expect(ok(await platform.graphql<{ jurisdiction: { status: string } }>(adminToken, `{ jurisdiction { status } }`)).jurisdiction.status).toBe('ACTIVE');
    // The staff member deactivated before the suspension stays deactivated.
    const users = ok(await platform.graphql<{ jurisdictionUsers: Array<{ id: string; enabled: boolean }> }>(adminToken, USERS)).jurisdictionUsers;
    expect(users.find((u) => u.id === staffId)?.enabled).toBe(false);
  }, 60_000);

  it('offboards: the archive first, then nothing of the jurisdiction left in any service or in the realm', async () => {
    const jurisdiction = await onboard();
    const { id: jurisdictionId, adminEmail, adminToken } = jurisdiction;
    const { staffEmail, staffToken } = await inviteStaff(jurisdiction);
    ok(await platform.graphql(staffToken, `mutation { registerPartner(input: { name: "Aarhus", kind: CITY, country: "DK" }) { id } }`));
    ok(await platform.graphql(adminToken, `mutation { updateJurisdictionProfile(input: { population: 210000 }) { population } }`));
    // Planning's records: a strategy, a priority and a plan (once planning has the profile from its event).
    const goal = ok(
      await platform.graphql<{ saveStrategy: { goals: Array<{ goalId: string }> } }>(staffToken, `mutation { saveStrategy(input: { goals: [{ kind: SUSTAINABILITY, title: "Climate", statement: "Net zero" }] }) { goals { goalId } } }`),
    ).saveStrategy.goals[0]?.goalId;
    ok(await platform.graphql(staffToken, `mutation($g: ID!) { setPriority(input: { title: "Offshore wind", goalIds: [$g], focus: SHARED_POLICY_PRIORITY }) { priority { id } } }`, { g: goal }));
    await eventually(() => platform.graphql(staffToken, `mutation { createPlan(year: 2027, input: { staffDaysAvailable: 10 }) { version } }`), (r) => !r.errors, 60_000);
    // The partner event has reached the network service before offboarding starts (events of
    // different topics are not ordered: one arriving after the erasure would be stored again).
    await eventually(() => platform.graphql<{ myTiesByCountry: Array<{ country: string }> }>(adminToken, `{ myTiesByCountry { country } }`), (r) => (r.data?.myTiesByCountry.length ?? 0) > 0, 60_000);

    const exported = ok(await platform.graphql<{ jurisdictionExport: { digest: string; archive: string } }>(
      await platformAdmin.token(),
      `query($id: ID) { jurisdictionExport(id: $id) { digest archive } }`,
      { id: jurisdictionId },
    )).jurisdictionExport;
    const archive = JSON.parse(exported.archive) as { jurisdictionId: string; digest: string; services: { registry: Record<string, Array<Record<string, unknown>>> }; users: Array<{ username: string }> };
    expect(archive).toMatchObject({ format: 'entente.jurisdiction-archive', version: 1, jurisdictionId, digest: exported.digest });
    expect(archive.services.registry['partners']?.map((p) => p['name'])).toEqual(['Aarhus']);
    expect(archive.services.registry['jurisdictions']?.[0]).toMatchObject({ jurisdictionId, population: 210000 });
    expect(archive.users.map((u) => u.username).sort()).toEqual([adminEmail, staffEmail].sort());

    const leftovers = async (): Promise<string[]> => {
      const found: string[] = [];
      for (const service of ['registry', 'planning', 'funding', 'network']) {
        const db = await mongoose.createConnection(testEndpoints().mongoUrl, { dbName: `${platform.databasePrefix}_${service}` }).asPromise();
        try {
          for (const { name } of await db.listCollections()) {
            for (const doc of await db.collection(name).find({}).toArray()) {
              if (JSON.stringify(doc).includes(jurisdictionId)) found.push(`${service}.${name}`);
            }
          }
        } finally {
          await db.close();
        }
      }
      const realm = await keycloakAdmin().request('GET', `/users?q=jurisdiction:${jurisdictionId}`);
      for (const user of (await realm.json()) as Array<{ username: string }>) found.push(`keycloak user ${user.username}`);
      return found;
    };
    // The search finds the jurisdiction everywhere it is before offboarding (so finding nothing afterwards means something).
    // The directories fill from events: wait until each service has stored the profile.
    const everywhere = ['registry.jurisdictions', 'registry.partners', 'planning.jurisdiction_directory', 'planning.strategies', 'planning.priorities', 'planning.plan_versions', 'planning.registry_records', 'funding.jurisdiction_directory', 'network.jurisdiction_directory', `keycloak user ${adminEmail}`];
    const { value: before } = await eventually(leftovers, (found) => everywhere.every((place) => found.includes(place)), 60_000);
    expect(before).toEqual(expect.arrayContaining(everywhere));

    const OFFBOARD = `mutation($id: ID!, $digest: String!) { offboardJurisdiction(id: $id, archiveDigest: $digest) { id status } }`;
    expect(codeOf(await platform.graphql(adminToken, OFFBOARD, { id: jurisdictionId, digest: exported.digest }))).toBe('FORBIDDEN');
    expect(codeOf(await platform.graphql(await platformAdmin.token(), OFFBOARD, { id: jurisdictionId, digest: '0'.repeat(64) }))).toBe('CONFLICT');
    const offboarded = ok(await platform.graphql<{ offboardJurisdiction: { status: string } }>(await platformAdmin.token(), OFFBOARD, { id: jurisdictionId, digest: exported.digest }));
    expect(offboarded.offboardJurisdiction.status).toBe('OFFBOARDED');

    // The first admin's session ends with it.
    expect((await platform.graphql(adminToken, `{ jurisdiction { id } }`)).status).toBe(401);

    const { value } = await eventually(leftovers, (found) => found.length === 0, 30_000);
    expect(value).toEqual([]);
  }, 90_000);
});
