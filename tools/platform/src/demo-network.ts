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

/** A joint effort between members: the lead proposes it, each other participant's jurisdiction-admin joins it. */
export interface DemoEffort {
  kind: string;
  title: string;
  country: string | null;
  /** YYYY-MM-DD, or null for no timeline. */
  timelineStart: string | null;
  timelineEnd: string | null;
  /** The member that proposes and leads it. */
  lead: string;
  /** Every participant's cost share (the lead's among them), summing to 100. */
  shares: Record<string, number>;
}

/**
 * The demo network's joint effort: Maryland and Palmerston North, who both
 * name Japan among their priorities, share a representative there. Both
 * plan in fiscal years from 1 July, so the timeline sits inside the plan
 * `year` the demo gives them (July to June): joining puts a proposed
 * activity with the share in each one's plan.
 */
export function demoEffort(year: number): DemoEffort {
  return {
    kind: 'SHARED_REPRESENTATION',
    title: 'Shared representation in Japan',
    country: 'JP',
    timelineStart: `${year}-09-01`,
    timelineEnd: `${year + 1}-03-31`,
    lead: 'maryland',
    shares: { maryland: 60, 'palmerston-north': 40 },
  };
}

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
  /** A joint effort its members take up, once: not again when one of that title exists. */
  effort?: DemoEffort;
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
 * created invites (a member that left is not brought back), a scope the
 * member ever granted (also one since revoked) is not granted again, and the
 * joint effort is proposed only while none of its title exists (whatever
 * became of it since).
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
  if (options.effort) await takeUp(options.effort);
  return networkId;

  /** The lead proposes the effort with every participant's share; the others join it. */
  async function takeUp(effort: DemoEffort): Promise<void> {
    const leadToken = await options.adminTokenOf(effort.lead);
    const { jointEfforts } = await must<{ jointEfforts: Array<{ title: string }> }>(leadToken, 'query($n: ID!) { jointEfforts(networkId: $n) { title } }', { n: networkId });
    if (jointEfforts.some((existing) => existing.title === effort.title)) return;
    const participants = Object.entries(effort.shares).map(([jurisdictionId, costShare]) => ({ jurisdictionId, costShare }));
    const { proposeJointEffort } = await must<{ proposeJointEffort: { id: string } }>(leadToken, 'mutation($input: ProposeJointEffortInput!) { proposeJointEffort(input: $input) { id } }', {
      input: { networkId, kind: effort.kind, title: effort.title, country: effort.country, timelineStart: effort.timelineStart, timelineEnd: effort.timelineEnd, participants },
    });
    for (const { jurisdictionId } of participants.filter((participant) => participant.jurisdictionId !== effort.lead)) {
      await must(await options.adminTokenOf(jurisdictionId), 'mutation($id: ID!) { joinJointEffort(effortId: $id) { id } }', { id: proposeJointEffort.id });
    }
    options.log(`demo network: ${participants.map((p) => `${p.jurisdictionId} ${p.costShare} %`).join(', ')} take up the joint effort "${effort.title}"`);
  }

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
    effort: demoEffort(new Date().getUTCFullYear() + 1),
    log: options.log,
  });
  return { networkId, coordinator };
}
