import { join } from 'node:path';
import { seedEurocitiesNetwork } from '@entente/platform';
import { createTestUser, deleteTestUser, type TestUser } from '@entente/testing';
import { type GraphQLResponse, startTestPlatform, type TestPlatform } from '../support';

const MEMBERS_FILE = join(__dirname, '../../../shared/data/eurocities/members.json');

/**
 * The Eurocities seed through the gateway: every real member onboarded as a
 * jurisdiction and invited into one network, a few accepting with their own
 * admins, and the network read by its coordinator with the members' names.
 * Running the seed again changes nothing.
 */
describe('network: the Eurocities network seeded from its real members', () => {
  let platform: TestPlatform;
  let platformAdmin: TestUser;
  let coordinator: TestUser;
  const admins: TestUser[] = [];
  const prefix = `ec${Date.now().toString(36).slice(-4)}-`;

  function ok<T>(response: GraphQLResponse<T>): T {
    expect(response.errors).toBeUndefined();
    return response.data as T;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'network-eurocities' });
    [platformAdmin, coordinator] = await Promise.all([createTestUser({ jurisdiction: 'platform', roles: ['platform-admin'] }), createTestUser({ jurisdiction: `${prefix}office`, roles: ['regional-coordinator'] })]);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    await Promise.all([platformAdmin, coordinator, ...admins].filter(Boolean).map((u) => deleteTestUser(u.id)));
  });

  it('onboards all 209 members, invites them into one network, and the coordinator reads it', async () => {
    const accepting = new Set([`${prefix}karlsruhe`, `${prefix}katowice`, `${prefix}izmir`]);
    const options = {
      graphql: (token: string, query: string, variables?: Record<string, unknown>) => platform.graphql(token, query, variables),
      platformAdminToken: () => platformAdmin.token(),
      file: MEMBERS_FILE,
      networkName: `Eurocities ${prefix}`,
      coordinatorUserIds: [coordinator.id],
      idPrefix: prefix,
      acceptAs: async (member: { jurisdictionId: string }) => {
        if (!accepting.has(member.jurisdictionId)) return null;
        const admin = await createTestUser({ jurisdiction: member.jurisdictionId, roles: ['jurisdiction-admin'] });
        admins.push(admin);
        return admin.token();
      },
    };
    const seeded = await seedEurocitiesNetwork(options);
    expect(seeded.members).toHaveLength(209);
    expect(seeded.skipped).toEqual([]);
    expect(seeded.accepted.sort()).toEqual([...accepting].sort());

    type Member = { jurisdictionId: string; name: string; status: string };
    const network = ok(await platform.graphql<{ network: { name: string; iCoordinate: boolean; members: Member[] } }>(await coordinator.token(), `query($id: ID!) { network(id: $id) { name iCoordinate members { jurisdictionId name status } } }`, { id: seeded.networkId })).network;
    expect(network.iCoordinate).toBe(true);
    expect(network.members).toHaveLength(209);
    expect(network.members.filter((m) => m.status === 'ACTIVE').map((m) => m.jurisdictionId).sort()).toEqual([...accepting].sort());
    expect(network.members.find((m) => m.jurisdictionId === `${prefix}karlsruhe`)?.name).toBe('Karlsruhe');
    const profile = ok(await platform.graphql<{ jurisdiction: { country: string; currency: string; timeZone: string } }>(await platformAdmin.token(), `query($id: ID) { jurisdiction(id: $id) { country currency timeZone } }`, { id: `${prefix}izmir` })).jurisdiction;
    expect(profile).toEqual({ country: 'TR', currency: 'TRY', timeZone: 'Europe/Istanbul' });

    // Again: the same network, nobody onboarded or invited twice.
    const again = await seedEurocitiesNetwork({ ...options, acceptAs: undefined });
    expect(again.networkId).toBe(seeded.networkId);
    const after = ok(await platform.graphql<{ network: { members: Member[] } }>(await coordinator.token(), `query($id: ID!) { network(id: $id) { members { jurisdictionId status } } }`, { id: seeded.networkId })).network;
    expect(after.members).toHaveLength(209);
  }, 600_000);
});
