import { randomBytes, randomUUID } from 'node:crypto';
import { testEndpoints } from './infra-endpoints';

export const ENTENTE_REALM = 'entente';
export const DEFAULT_CLIENT_ID = 'entente-cli';
/** Tokens from this client live 1 second: for tests that need a genuinely expired token. */
export const SHORT_LIVED_CLIENT_ID = 'entente-cli-short-lived';

export interface TokenRequest {
  username: string;
  password: string;
  clientId?: string;
}

function keycloakUrl(): string {
  return testEndpoints().keycloakUrl;
}

async function postForm(url: string, form: Record<string, string>): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** An access token for a user of the entente realm (direct grant against the real Keycloak). */
export async function fetchToken(req: TokenRequest): Promise<string> {
  const body = await postForm(`${keycloakUrl()}/realms/${ENTENTE_REALM}/protocol/openid-connect/token`, {
    grant_type: 'password',
    client_id: req.clientId ?? DEFAULT_CLIENT_ID,
    username: req.username,
    password: req.password,
    scope: 'openid',
  });
  if (typeof body.access_token !== 'string') throw new Error(`no access_token in the token response for ${req.username}`);
  return body.access_token;
}

/** Decodes a JWT's payload without verifying it (tests inspect claims; verification is the gateway's job). */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A small client of the Keycloak admin REST API for the entente realm (master admin-cli, admin/admin: local only). */
export interface KeycloakAdmin {
  request(method: string, path: string, body?: unknown): Promise<Response>;
  realmUrl: string;
}

let cachedAdminToken: { token: string; expiresAt: number; base: string } | undefined;

async function adminToken(): Promise<string> {
  const base = keycloakUrl();
  if (cachedAdminToken && cachedAdminToken.base === base && cachedAdminToken.expiresAt > Date.now() + 5000) {
    return cachedAdminToken.token;
  }
  const body = await postForm(`${base}/realms/master/protocol/openid-connect/token`, {
    grant_type: 'password',
    client_id: 'admin-cli',
    username: process.env.KEYCLOAK_ADMIN_USERNAME ?? 'admin',
    password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
  });
  const token = body.access_token;
  if (typeof token !== 'string') throw new Error('no admin access_token from the master realm');
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 60;
  cachedAdminToken = { token, expiresAt: Date.now() + expiresIn * 1000, base };
  return token;
}

export function keycloakAdmin(): KeycloakAdmin {
  const realmUrl = `${keycloakUrl()}/admin/realms/${ENTENTE_REALM}`;
  return {
    realmUrl,
    async request(method: string, path: string, body?: unknown): Promise<Response> {
      const token = await adminToken();
      return fetch(`${realmUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
  };
}

async function expectOk(res: Response, what: string): Promise<void> {
  if (!res.ok) throw new Error(`${what} answered ${res.status}: ${await res.text()}`);
}

/** A jurisdiction id unique to this call, e.g. `rostock-k3x9f2` (lower-case slug). */
export function newJurisdictionId(prefix = 'jur'): string {
  const slug = prefix.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'jur';
  return `${slug}-${randomBytes(4).toString('hex')}`;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  jurisdiction: string;
  roles: string[];
  token(clientId?: string): Promise<string>;
}

export interface CreateTestUserOptions {
  jurisdiction: string;
  roles: string[];
  username?: string;
}

/** Creates a user in the entente realm with a jurisdiction and realm roles; each test makes its own. */
export async function createTestUser(opts: CreateTestUserOptions): Promise<TestUser> {
  const admin = keycloakAdmin();
  const username = opts.username ?? `test-${randomUUID().slice(0, 12)}`;
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const created = await admin.request('POST', '/users', {
    username,
    enabled: true,
    emailVerified: true,
    email: `${username}@test.entente.local`,
    firstName: 'Test',
    lastName: username,
    attributes: { jurisdiction: [opts.jurisdiction] },
    credentials: [{ type: 'password', value: password, temporary: false }],
    requiredActions: [],
  });
  await expectOk(created, `creating user ${username}`);
  const location = created.headers.get('location') ?? '';
  const id = location.slice(location.lastIndexOf('/') + 1);
  if (!id) throw new Error(`Keycloak did not return the id of user ${username}`);
  if (opts.roles.length > 0) {
    const roles = await Promise.all(
      opts.roles.map(async (name) => {
        const res = await admin.request('GET', `/roles/${encodeURIComponent(name)}`);
        await expectOk(res, `looking up realm role ${name}`);
        return (await res.json()) as { id: string; name: string };
      }),
    );
    await expectOk(await admin.request('POST', `/users/${id}/role-mappings/realm`, roles), `assigning roles to ${username}`);
  }
  return {
    id,
    username,
    password,
    jurisdiction: opts.jurisdiction,
    roles: [...opts.roles],
    token: (clientId?: string) => fetchToken({ username, password, clientId }),
  };
}

export async function deleteTestUser(id: string): Promise<void> {
  const res = await keycloakAdmin().request('DELETE', `/users/${encodeURIComponent(id)}`);
  if (res.status !== 404) await expectOk(res, `deleting user ${id}`);
}
