import { type DemoUser, fetchPasswordToken, readDemoUsers } from './demo-data';
import type { GraphqlCall } from './eurocities-seed';

/** The network `npm start` gives the demo jurisdictions (issue 11), run by the demo regional coordinator. */
export const DEMO_NETWORK = {
  name: 'Ports and partners (demo)',
  description: 'Rostock, Palmerston North and Maryland share chosen priorities, planned delegations and partners with each other and their regional coordinator.',
  coordinator: 'regional-coordinator',
};

/** What each demo member shares, scope by scope; a field list leaves the rest out (null in the network's view). */
export const DEMO_GRANTS: Record<string, Array<{ scope: string; fields?: string[] }>> = {
  rostock: [
    { scope: 'PRIORITIES', fields: ['title', 'focus', 'countries', 'sectors', 'themes'] },
    { scope: 'PLANNED_ACTIVITIES' },
    { scope: 'PARTNERS', fields: ['name', 'country'] },
  ],
  'palmerston-north': [{ scope: 'PRIORITIES' }, { scope: 'PLANNED_ACTIVITIES' }],
  maryland: [{ scope: 'PRIORITIES', fields: ['title', 'countries'] }, { scope: 'PARTNERS' }],
};

export interface DemoNetworkResult {
  networkId: string;
  coordinator: DemoUser;
}

type Answer = Awaited<ReturnType<GraphqlCall>>;

export interface DemoNetworkOptions {
  graphql: GraphqlCall;
  /** The regional coordinator who creates and runs the network. */
  coordinatorToken: () => Promise<string>;
  /** A member's jurisdiction-admin, who accepts and shares. */
  adminTokenOf: (jurisdictionId: string) => Promise<string>;
  /** Each member's grants, by jurisdiction id. */
  grants: Record<string, Array<{ scope: string; fields?: string[] }>>;
  name?: string;
  log: (line: string) => void;
  /** How long to wait for the network service to learn of an onboarded member before inviting it. */
  directoryTimeoutMs?: number;
}

/**
 * Makes jurisdictions members of a network, through the gateway as people
 * would: the regional coordinator creates it (or finds it by name) and
 * invites each; each jurisdiction-admin accepts and shares its scopes. Safe
 * to re-run, and it respects what people did since: only a network this run
 * created invites (a member that left is not brought back), and a scope the
 * member ever granted (also one since revoked) is not granted again.
 */
export async function seedNetworkMembers(options: DemoNetworkOptions): Promise<string> {
  const name = options.name ?? DEMO_NETWORK.name;
  const must = async <T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const answer = await options.graphql(token, query, variables);
    if (answer.errors?.length) throw new Error(`demo network: ${answer.errors.map((e) => e.message).join('; ')}`);
    return answer.data as T;
  };
  const coordinatorToken = await options.coordinatorToken();
  const { networks } = await must<{ networks: Array<{ id: string; name: string }> }>(coordinatorToken, '{ networks { id name } }');
  const found = networks.find((network) => network.name === name)?.id;
  const networkId =
    found ?? (await must<{ createNetwork: { id: string } }>(coordinatorToken, 'mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }', { input: { name, description: DEMO_NETWORK.description } })).createNetwork.id;
  const { network } = await must<{ network: { members: Array<{ jurisdictionId: string; status: string }> } }>(coordinatorToken, 'query($id: ID!) { network(id: $id) { members { jurisdictionId status } } }', { id: networkId });

  for (const [jurisdiction, grants] of Object.entries(options.grants)) {
    const listed = network.members.find((member) => member.jurisdictionId === jurisdiction && member.status !== 'LEFT');
    // The network lists members and invitees only: one that left looks like one never invited, so only a network made by this run invites.
    if (!listed && found) {
      options.log(`demo network: ${jurisdiction} is not a member of ${name} (it left); not invited again`);
      continue;
    }
    if (!listed) await invite(coordinatorToken, networkId, jurisdiction);
    const adminToken = await options.adminTokenOf(jurisdiction);
    if (listed?.status !== 'ACTIVE') await must(adminToken, 'mutation($n: ID!) { acceptNetworkInvitation(networkId: $n) { status } }', { n: networkId });
    const { sharingGrants } = await must<{ sharingGrants: Array<{ scope: string }> }>(adminToken, 'query($n: ID!) { sharingGrants(networkId: $n) { scope } }', { n: networkId });
    const granted = grants.filter((grant) => !sharingGrants.some((existing) => existing.scope === grant.scope));
    for (const grant of granted) {
      await must(adminToken, 'mutation($input: ShareWithNetworkInput!) { shareWithNetwork(input: $input) { id } }', { input: { networkId, ...grant } });
    }
    options.log(`demo network: ${jurisdiction} is a member of ${name}${granted.length ? `, sharing ${granted.map((g) => g.scope.toLowerCase()).join(', ')}` : ''}`);
  }
  return networkId;

  /** The network service learns of an onboarded jurisdiction by event: until then it refuses the id (BAD_USER_INPUT), so wait a little. */
  async function invite(token: string, id: string, jurisdiction: string): Promise<void> {
    const deadline = Date.now() + (options.directoryTimeoutMs ?? 60_000);
    for (;;) {
      const answer: Answer = await options.graphql(token, 'mutation($n: ID!, $j: ID!) { inviteToNetwork(networkId: $n, jurisdictionId: $j) { status } }', { n: id, j: jurisdiction });
      const code = String(answer.errors?.[0]?.extensions?.['code'] ?? '');
      if (!answer.errors || code === 'CONFLICT') return;
      if (code !== 'BAD_USER_INPUT' || Date.now() > deadline) throw new Error(`demo network: inviting ${jurisdiction}: ${answer.errors.map((e) => e.message).join('; ')}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

/** npm start's demo network: the demo jurisdictions with the demo users of deploy/keycloak/demo-users.json. */
export async function seedDemoNetwork(options: { repoRoot: string; keycloakUrl: string; gatewayUrl: string; log: (line: string) => void }): Promise<DemoNetworkResult> {
  const users = readDemoUsers(options.repoRoot);
  const userOf = (predicate: (user: DemoUser) => boolean, what: string): DemoUser => {
    const found = users.find(predicate);
    if (!found) throw new Error(`deploy/keycloak/demo-users.json has no ${what}`);
    return found;
  };
  const tokenOf = (user: DemoUser) => fetchPasswordToken(options.keycloakUrl, user.username, user.password);
  const coordinator = userOf((user) => user.username === DEMO_NETWORK.coordinator, `user ${DEMO_NETWORK.coordinator}`);
  const networkId = await seedNetworkMembers({
    graphql: async (token, query, variables) => {
      const response = await fetch(options.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as Answer;
    },
    coordinatorToken: () => tokenOf(coordinator),
    adminTokenOf: (jurisdiction) => tokenOf(userOf((user) => user.jurisdiction === jurisdiction && user.roles.includes('jurisdiction-admin'), `jurisdiction-admin for ${jurisdiction}`)),
    grants: DEMO_GRANTS,
    log: options.log,
  });
  return { networkId, coordinator };
}
