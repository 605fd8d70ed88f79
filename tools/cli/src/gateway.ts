import { REPO_ROOT } from '@entente/local-infra';
import { fetchPasswordToken, readDemoUsers } from '@entente/platform';

/** A mistake the person at the terminal can fix: printed without a stack, exit code 2. */
export class CliError extends Error {}

/** Where the CLI talks to and as whom: flags first, then the environment, then the local defaults. */
export interface Connection {
  gatewayUrl: string;
  keycloakUrl: string;
  user: string | undefined;
  password: string | undefined;
}

export const CONNECTION_USAGE = `  --user NAME             Keycloak user (env ENTENTE_USERNAME; default: a local demo user)
  --password PASSWORD     its password (env ENTENTE_PASSWORD)
  --gateway URL           GraphQL endpoint (env ENTENTE_GATEWAY_URL; default http://127.0.0.1:4000/graphql)
  --keycloak URL          Keycloak (env KEYCLOAK_URL; default http://127.0.0.1:18080)`;

export const CONNECTION_FLAGS = ['--user', '--password', '--gateway', '--keycloak'] as const;

export function connectionOf(flags: ReadonlyMap<string, string>, env: NodeJS.ProcessEnv = process.env): Connection {
  return {
    gatewayUrl: flags.get('--gateway') ?? env.ENTENTE_GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql',
    keycloakUrl: flags.get('--keycloak') ?? env.KEYCLOAK_URL ?? 'http://127.0.0.1:18080',
    user: flags.get('--user') ?? env.ENTENTE_USERNAME,
    password: flags.get('--password') ?? env.ENTENTE_PASSWORD,
  };
}

/**
 * A token for the connection's user; without a password, the local demo
 * user of that name (deploy/keycloak/demo-users.json), or `demoUser` when no
 * user was named either.
 */
export async function signIn(connection: Connection, demoUser: string): Promise<string> {
  let username = connection.user;
  let password = connection.password;
  if (!username || !password) {
    const demoName = username ?? demoUser;
    const demo = readDemoUsers(REPO_ROOT).find((user) => user.username === demoName);
    if (!demo) throw new CliError(`no password for ${demoName}: give --password or ENTENTE_PASSWORD`);
    username = demo.username;
    password = demo.password;
  }
  try {
    return await fetchPasswordToken(connection.keycloakUrl, username, password);
  } catch (error) {
    throw new CliError(`cannot sign in as ${username} at ${connection.keycloakUrl}: ${(error as Error).message}`);
  }
}

/** One GraphQL request through the gateway; errors come back as one CliError naming each code and field. */
export async function graphql<T>(gatewayUrl: string, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new CliError(`cannot reach the gateway at ${gatewayUrl}: ${(error as Error).message}`);
  }
  const text = await response.text();
  let body: { data?: T | null; errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }> };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new CliError(`the gateway answered HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
  if (body.errors?.length) {
    throw new CliError(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}${e.extensions?.field ? ` (${e.extensions.field})` : ''}: ${e.message}`).join('\n'));
  }
  return body.data as T;
}
