import { randomBytes } from 'node:crypto';
import { isPlatformRole, type PlatformRole } from '@entente/auth';
import { ConflictError } from '@entente/errors';
import type { DirectoryUser, NewDirectoryUser, UserDirectory } from './user-directory.port';

/** Where the realm's admin API is and the client that may use it (RegistrySettingsModule provides it). */
export const KEYCLOAK_ADMIN_SETTINGS = Symbol('KEYCLOAK_ADMIN_SETTINGS');

export interface KeycloakUserDirectoryOptions {
  /** Base URL of Keycloak, no trailing /realms. */
  readonly keycloakUrl: string;
  readonly realm: string;
  /** A confidential client whose service account holds realm-management's manage-users, view-users, query-users and view-realm. */
  readonly clientId: string;
  readonly clientSecret: string;
  readonly timeoutMs?: number;
}

interface UserRepresentation {
  id: string;
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  enabled: boolean;
  createdTimestamp?: number;
  attributes?: Record<string, string[]>;
}

/** Keycloak's admin REST API behind the UserDirectory port, authenticated as the registry's service account. */
export class KeycloakUserDirectory implements UserDirectory {
  private readonly base: string;
  private token?: { value: string; expiresAt: number };
  private readonly timeoutMs: number;

  constructor(private readonly options: KeycloakUserDirectoryOptions) {
    this.base = options.keycloakUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async invite(user: NewDirectoryUser): Promise<{ user: DirectoryUser; temporaryPassword: string }> {
    const temporaryPassword = randomBytes(12).toString('base64url');
    const created = await this.request('POST', '/users', {
      username: user.email,
      email: user.email,
      emailVerified: false,
      firstName: user.firstName,
      lastName: user.lastName,
      enabled: true,
      attributes: { jurisdiction: [user.jurisdictionId] },
      credentials: [{ type: 'password', value: temporaryPassword, temporary: true }],
      requiredActions: ['UPDATE_PASSWORD'],
    });
    if (created.status === 409) {
      throw new ConflictError(`A user with the email ${user.email} already exists; invite another address or ask a platform-admin`);
    }
    await expectOk(created, 'creating a user');
    const location = created.headers.get('location') ?? '';
    const userId = location.slice(location.lastIndexOf('/') + 1);
    if (!userId) throw new Error('Keycloak did not return the id of the created user');
    try {
      await this.grantRoles(userId, user.roles);
    } catch (error) {
      // A user without their roles would be a confusing half-invitation: take it back.
      await this.remove(userId).catch(() => undefined);
      throw error;
    }
    const found = await this.find(userId);
    if (!found) throw new Error(`Keycloak lost user ${userId} right after creating it`);
    return { user: found, temporaryPassword };
  }

  async find(userId: string): Promise<DirectoryUser | null> {
    const response = await this.request('GET', `/users/${encodeURIComponent(userId)}`);
    if (response.status === 404) return null;
    await expectOk(response, 'reading a user');
    return this.withRoles((await response.json()) as UserRepresentation);
  }

  async listByJurisdiction(jurisdictionId: string): Promise<DirectoryUser[]> {
    const users: UserRepresentation[] = [];
    const pageSize = 200;
    for (let first = 0; ; first += pageSize) {
      const query = new URLSearchParams({ q: `jurisdiction:${jurisdictionId}`, first: String(first), max: String(pageSize), briefRepresentation: 'false' });
      const response = await this.request('GET', `/users?${query.toString()}`);
      await expectOk(response, 'listing users');
      const page = (await response.json()) as UserRepresentation[];
      // The attribute search is a match on the value; keep exact matches only.
      users.push(...page.filter((u) => u.attributes?.['jurisdiction']?.[0] === jurisdictionId));
      if (page.length < pageSize) break;
    }
    return Promise.all(users.map((u) => this.withRoles(u)));
  }

  async setEnabled(userId: string, enabled: boolean): Promise<void> {
    await expectOk(await this.request('PUT', `/users/${encodeURIComponent(userId)}`, { enabled }), 'updating a user');
    if (!enabled) await expectOk(await this.request('POST', `/users/${encodeURIComponent(userId)}/logout`), 'ending a user’s sessions');
  }

  async remove(userId: string): Promise<void> {
    const response = await this.request('DELETE', `/users/${encodeURIComponent(userId)}`);
    if (response.status !== 404) await expectOk(response, 'deleting a user');
  }

  private async grantRoles(userId: string, roles: readonly PlatformRole[]): Promise<void> {
    if (roles.length === 0) return;
    const representations = await Promise.all(
      roles.map(async (role) => {
        const response = await this.request('GET', `/roles/${encodeURIComponent(role)}`);
        await expectOk(response, `reading realm role ${role}`);
        return (await response.json()) as { id: string; name: string };
      }),
    );
    await expectOk(await this.request('POST', `/users/${encodeURIComponent(userId)}/role-mappings/realm`, representations), 'granting roles');
  }

  private async withRoles(user: UserRepresentation): Promise<DirectoryUser> {
    const response = await this.request('GET', `/users/${encodeURIComponent(user.id)}/role-mappings/realm`);
    await expectOk(response, 'reading a user’s roles');
    const roles = ((await response.json()) as Array<{ name: string }>).map((r) => r.name).filter(isPlatformRole);
    return {
      userId: user.id,
      username: user.username,
      email: user.email ?? null,
      firstName: user.firstName ?? null,
      lastName: user.lastName ?? null,
      jurisdictionId: user.attributes?.['jurisdiction']?.[0] ?? null,
      roles,
      enabled: user.enabled,
      createdAt: user.createdTimestamp ? new Date(user.createdTimestamp) : null,
    };
  }

  private async request(method: string, path: string, body?: unknown): Promise<Response> {
    const token = await this.accessToken();
    return fetch(`${this.base}/admin/realms/${encodeURIComponent(this.options.realm)}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }

  /** Client-credentials token of the service account, reused until shortly before it expires. */
  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 10_000) return this.token.value;
    const response = await fetch(`${this.base}/realms/${encodeURIComponent(this.options.realm)}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.options.clientId, client_secret: this.options.clientSecret }).toString(),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    await expectOk(response, 'authenticating the registry’s service account');
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('Keycloak returned no access token for the registry’s service account');
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 60;
    this.token = { value: body.access_token, expiresAt: Date.now() + expiresIn * 1000 };
    return body.access_token;
  }
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) {
    const detail = (await response.text()).slice(0, 300);
    throw new Error(`Keycloak refused ${what}: HTTP ${response.status} ${detail}`);
  }
}
