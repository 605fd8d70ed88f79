import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/**
 * A stand-in for Keycloak in tests: serves a realm's JWKS over HTTP on
 * 127.0.0.1 and signs access tokens with its keys. Not for production use.
 */
export interface LocalIssuerKey {
  readonly kid: string;
  readonly alg: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export interface TokenClaims {
  readonly sub?: string;
  readonly preferred_username?: string;
  readonly jurisdiction?: string | null;
  readonly roles?: readonly string[];
  readonly issuer?: string;
  readonly audience?: string | string[];
  /** Seconds from now; negative for an expired token. Default 300. */
  readonly expiresInSeconds?: number;
  /** Sign with this key (default: the first published key). */
  readonly key?: LocalIssuerKey;
  readonly extra?: Record<string, unknown>;
}

export class LocalIssuer {
  /** The confidential client its introspection endpoint accepts. */
  static readonly INTROSPECTION_CLIENT = { id: 'entente-gateway', secret: 'local-issuer-secret' } as const;
  private readonly published: LocalIssuerKey[] = [];
  /** Tokens its introspection endpoint reports inactive (a deactivated user, an ended session). */
  private readonly revoked = new Set<string>();
  private constructor(
    private readonly server: Server,
    readonly realm: string,
  ) {}

  /** Starts the JWKS server with one RS256 key published. */
  static async start(realm = 'entente'): Promise<LocalIssuer> {
    const holder: { issuer?: LocalIssuer } = {};
    const server = createServer((req, res) => {
      if (req.method === 'GET' && req.url === `/realms/${realm}/protocol/openid-connect/certs` && holder.issuer) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: holder.issuer.published.map((key) => key.publicJwk) }));
        return;
      }
      if (req.method === 'POST' && req.url === `/realms/${realm}/protocol/openid-connect/token/introspect` && holder.issuer) {
        const issuer = holder.issuer;
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        req.on('end', () => {
          // RFC 7662 as Keycloak does it: the client authenticates with Basic; an unknown client is refused.
          if (req.headers.authorization !== `Basic ${Buffer.from(`${LocalIssuer.INTROSPECTION_CLIENT.id}:${LocalIssuer.INTROSPECTION_CLIENT.secret}`).toString('base64')}`) {
            res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}');
            return;
          }
          const token = new URLSearchParams(body).get('token') ?? '';
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ active: !issuer.revoked.has(token) }));
        });
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = new LocalIssuer(server, realm);
    issuer.publish(await LocalIssuer.newKey());
    holder.issuer = issuer;
    return issuer;
  }

  /** A key pair that is not published (unless passed to `publish`). */
  static async newKey(alg = 'RS256', kid = `kid-${Math.random().toString(36).slice(2, 10)}`): Promise<LocalIssuerKey> {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
    return { kid, alg, privateKey, publicJwk };
  }

  get keycloakUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  get issuer(): string {
    return `${this.keycloakUrl}/realms/${this.realm}`;
  }

  get keys(): readonly LocalIssuerKey[] {
    return this.published;
  }

  /** From now on, introspection reports `token` as no longer active. */
  revoke(token: string): void {
    this.revoked.add(token);
  }

  publish(key: LocalIssuerKey): void {
    this.published.push(key);
  }

  async sign(claims: TokenClaims = {}): Promise<string> {
    const key = claims.key ?? this.published[0];
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      preferred_username: claims.preferred_username ?? 'alice',
      realm_access: { roles: [...(claims.roles ?? ['staff'])] },
      ...(claims.jurisdiction === null ? {} : { jurisdiction: claims.jurisdiction ?? 'jur-1' }),
      ...claims.extra,
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
      .setSubject(claims.sub ?? 'user-1')
      .setIssuer(claims.issuer ?? this.issuer)
      .setAudience(claims.audience ?? 'entente-gateway')
      .setIssuedAt(now - 1)
      .setExpirationTime(now + (claims.expiresInSeconds ?? 300))
      .sign(key.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
