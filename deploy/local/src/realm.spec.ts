import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

interface DemoUser {
  username: string;
  password: string;
  jurisdiction: string;
  roles: string[];
}
interface RealmUser {
  username: string;
  serviceAccountClientId?: string;
  clientRoles?: Record<string, string[]>;
  attributes?: Record<string, string[]>;
  credentials?: { type: string; value: string }[];
  realmRoles?: string[];
}
interface RealmClient {
  clientId: string;
  publicClient?: boolean;
  directAccessGrantsEnabled?: boolean;
  standardFlowEnabled?: boolean;
  redirectUris?: string[];
  attributes?: Record<string, string>;
  protocolMappers?: { protocolMapper: string; config: Record<string, string> }[];
}
interface Realm {
  realm: string;
  accessTokenLifespan: number;
  bruteForceProtected: boolean;
  roles: { realm: { name: string }[] };
  clients: RealmClient[];
  users: RealmUser[];
  components: Record<string, { providerId: string; config: Record<string, string[]> }[]>;
}

const dir = join(REPO_ROOT, 'deploy', 'keycloak');
const realm = JSON.parse(readFileSync(join(dir, 'realm-entente.json'), 'utf8')) as Realm;
const demo = JSON.parse(readFileSync(join(dir, 'demo-users.json'), 'utf8')) as DemoUser[];
const ROLES = ['platform-admin', 'jurisdiction-admin', 'executive', 'staff', 'viewer', 'regional-coordinator'];

describe('realm-entente.json', () => {
  it('defines the realm, its roles, token lifespan and no brute-force lock-out', () => {
    expect(realm.realm).toBe('entente');
    expect(realm.roles.realm.map((r) => r.name).sort()).toEqual([...ROLES].sort());
    expect(realm.accessTokenLifespan).toBe(300);
    expect(realm.bruteForceProtected).toBe(false);
  });

  it('declares jurisdiction in the user profile (else Keycloak 26 drops it)', () => {
    const up = realm.components['org.keycloak.userprofile.UserProfileProvider'][0];
    const cfg = JSON.parse(up.config['kc.user.profile.config'][0]) as { attributes: { name: string }[] };
    expect(cfg.attributes.map((a) => a.name)).toContain('jurisdiction');
  });

  it('has the clients the platform and tests need', () => {
    const byId = new Map(realm.clients.map((c) => [c.clientId, c]));
    expect(byId.get('entente-gateway')).toBeDefined();
    const cli = byId.get('entente-cli');
    expect(cli?.publicClient).toBe(true);
    expect(cli?.standardFlowEnabled).toBe(true);
    expect(cli?.directAccessGrantsEnabled).toBe(true);
    expect(cli?.attributes?.['pkce.code.challenge.method']).toBe('S256');
    expect(cli?.redirectUris).toEqual(expect.arrayContaining(['http://127.0.0.1:*/', 'http://localhost:*/']));
    const short = byId.get('entente-cli-short-lived');
    expect(short?.publicClient).toBe(true);
    expect(short?.attributes?.['access.token.lifespan']).toBe('1');
    for (const c of [cli, short]) {
      const mappers = c?.protocolMappers ?? [];
      expect(mappers.find((m) => m.protocolMapper === 'oidc-audience-mapper')?.config['included.client.audience']).toBe('entente-gateway');
      expect(mappers.find((m) => m.protocolMapper === 'oidc-usermodel-attribute-mapper')?.config['claim.name']).toBe('jurisdiction');
    }
  });

  it('gives the registry a service account that can manage users and nothing else', () => {
    const registry = realm.clients.find((c) => c.clientId === 'entente-registry') as RealmClient & { serviceAccountsEnabled?: boolean };
    expect(registry.serviceAccountsEnabled).toBe(true);
    expect(registry.publicClient).toBe(false);
    expect(registry.directAccessGrantsEnabled).toBe(false);
    const account = realm.users.find((u) => u.serviceAccountClientId === 'entente-registry');
    expect(account?.clientRoles?.['realm-management']?.sort()).toEqual(['manage-users', 'query-users', 'view-realm', 'view-users']);
    expect(account?.realmRoles ?? []).toEqual([]);
  });
});

describe('demo-users.json agrees with the realm', () => {
  it('lists exactly the realm users (not service accounts), with the same passwords, jurisdictions and roles', () => {
    const people = realm.users.filter((u) => u.serviceAccountClientId === undefined);
    expect(demo.map((u) => u.username).sort()).toEqual(people.map((u) => u.username).sort());
    for (const d of demo) {
      const r = realm.users.find((u) => u.username === d.username);
      expect({ user: d.username, password: r?.credentials?.find((c) => c.type === 'password')?.value }).toEqual({ user: d.username, password: d.password });
      expect({ user: d.username, jurisdiction: r?.attributes?.jurisdiction }).toEqual({ user: d.username, jurisdiction: [d.jurisdiction] });
      expect({ user: d.username, roles: [...(r?.realmRoles ?? [])].sort() }).toEqual({ user: d.username, roles: [...d.roles].sort() });
      for (const role of d.roles) expect(ROLES).toContain(role);
    }
  });

  it('covers each demo jurisdiction with an admin, staff, viewer and executive, plus a platform admin and a regional coordinator', () => {
    for (const j of ['rostock', 'palmerston-north', 'maryland']) {
      for (const role of ['jurisdiction-admin', 'staff', 'viewer', 'executive']) {
        expect({ j, role, found: demo.some((u) => u.jurisdiction === j && u.roles.includes(role)) }).toEqual({ j, role, found: true });
      }
    }
    expect(demo.some((u) => u.jurisdiction === 'platform' && u.roles.includes('platform-admin'))).toBe(true);
    expect(demo.some((u) => u.roles.includes('regional-coordinator'))).toBe(true);
  });
});
