import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthenticationError, type AuthenticationFailureReason } from './authentication.error';
import { type Identity, isPlatformRole } from './identity';

export const DEFAULT_ALGORITHMS = ['RS256', 'PS256', 'ES256'] as const;
/** Symmetric and unsigned algorithms: a public JWKS must never verify these. */
const FORBIDDEN_ALGORITHMS = /^(none|HS\d+)$/i;

export interface TokenVerifierOptions {
  /** Base URL of Keycloak, e.g. http://127.0.0.1:8080 (no trailing /realms). */
  readonly keycloakUrl: string;
  /** Realm name; default `entente`. */
  readonly realm?: string;
  /** Expected `aud`; default `entente-gateway`. */
  readonly audience?: string;
  /** Seconds of clock skew accepted on exp/nbf/iat; default 5. */
  readonly clockToleranceSeconds?: number;
  /** Accepted JWS algorithms; default RS256, PS256, ES256. `none` and HS* are refused even if listed. */
  readonly algorithms?: readonly string[];
  /**
   * Minimum time between two JWKS fetches triggered by an unknown `kid`
   * (key rotation); default 30 000 ms, jose's own default.
   */
  readonly jwksCooldownMs?: number;
  /** How long a fetched JWKS is trusted before refetching; default 10 minutes. */
  readonly jwksCacheMaxAgeMs?: number;
  /** Timeout of one JWKS HTTP request; default 5 000 ms. */
  readonly jwksTimeoutMs?: number;
  /**
   * When set, a token that verifies locally is also checked with the realm's
   * token introspection endpoint (RFC 7662) as this confidential client, so a
   * deactivated user or an ended session is refused on the next request
   * rather than when the token expires. One HTTP call to Keycloak per request:
   * the edge uses it, subgraphs behind it need not.
   */
  readonly introspection?: { readonly clientId: string; readonly clientSecret: string; readonly timeoutMs?: number };
}

export interface TokenVerifierSettings {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
  readonly clockToleranceSeconds: number;
  readonly algorithms: readonly string[];
}

/** Verifies Keycloak access tokens against the realm's published keys. */
export class TokenVerifier {
  readonly settings: TokenVerifierSettings;
  private readonly keys: JWTVerifyGetKey;
  private readonly introspection?: TokenVerifierOptions['introspection'];

  constructor(options: TokenVerifierOptions) {
    const base = options.keycloakUrl.replace(/\/+$/, '');
    const realm = options.realm ?? 'entente';
    const algorithms = [...(options.algorithms ?? DEFAULT_ALGORITHMS)];
    const refused = algorithms.filter((alg) => FORBIDDEN_ALGORITHMS.test(alg));
    if (refused.length > 0) {
      throw new Error(`TokenVerifier: algorithms ${refused.join(', ')} cannot be verified against a public JWKS`);
    }
    this.settings = {
      issuer: `${base}/realms/${realm}`,
      jwksUrl: `${base}/realms/${realm}/protocol/openid-connect/certs`,
      audience: options.audience ?? 'entente-gateway',
      clockToleranceSeconds: options.clockToleranceSeconds ?? 5,
      algorithms,
    };
    this.introspection = options.introspection;
    this.keys = createRemoteJWKSet(new URL(this.settings.jwksUrl), {
      cooldownDuration: options.jwksCooldownMs ?? 30_000,
      cacheMaxAge: options.jwksCacheMaxAgeMs ?? 600_000,
      timeoutDuration: options.jwksTimeoutMs ?? 5_000,
    });
  }

  /** Verifies `token` and returns who it proves; throws AuthenticationError otherwise. */
  async verify(token: string | null | undefined): Promise<Identity> {
    if (!token) throw new AuthenticationError('missing_token');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: [...this.settings.algorithms],
        clockTolerance: this.settings.clockToleranceSeconds,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw new AuthenticationError(reasonFor(error));
    }
    const identity = toIdentity(payload);
    if (this.introspection && !(await this.isActive(token, this.introspection))) throw new AuthenticationError('inactive_token');
    return identity;
  }

  private async isActive(token: string, client: NonNullable<TokenVerifierOptions['introspection']>): Promise<boolean> {
    let response: Response;
    try {
      response = await fetch(`${this.settings.issuer}/protocol/openid-connect/token/introspect`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`,
        },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
        signal: AbortSignal.timeout(client.timeoutMs ?? 5_000),
      });
    } catch {
      throw new AuthenticationError('verification_unavailable');
    }
    // A refused client is our misconfiguration, not the caller's fault: report it as unavailable, never as "inactive".
    if (!response.ok) throw new AuthenticationError('verification_unavailable');
    const body = (await response.json().catch(() => ({}))) as { active?: unknown };
    return body.active === true;
  }
}

function toIdentity(payload: JWTPayload): Identity {
  const userId = payload.sub;
  if (typeof userId !== 'string' || userId === '') throw new AuthenticationError('missing_subject');
  const jurisdiction = payload['jurisdiction'];
  if (typeof jurisdiction !== 'string' || jurisdiction.trim() === '') {
    throw new AuthenticationError('missing_jurisdiction');
  }
  const username = payload['preferred_username'];
  const realmAccess = payload['realm_access'];
  const rawRoles =
    typeof realmAccess === 'object' && realmAccess !== null && Array.isArray((realmAccess as { roles?: unknown }).roles)
      ? ((realmAccess as { roles: unknown[] }).roles)
      : [];
  const email = payload['email'];
  return {
    userId,
    username: typeof username === 'string' && username !== '' ? username : userId,
    jurisdictionId: jurisdiction,
    roles: [...new Set(rawRoles.filter(isPlatformRole))],
    ...(typeof email === 'string' && email !== '' && payload['email_verified'] === true && { email }),
  };
}

function reasonFor(error: unknown): AuthenticationFailureReason {
  if (error instanceof errors.JWTExpired) return 'expired_token';
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'iss':
        return 'wrong_issuer';
      case 'aud':
        return 'wrong_audience';
      case 'nbf':
      case 'iat':
        return 'token_not_yet_valid';
      default:
        return 'malformed_token';
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'algorithm_not_allowed';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return 'unknown_signing_key';
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'verification_unavailable';
  // jose reports a non-200 JWKS response with the bare base class.
  if (error instanceof errors.JOSEError && error.constructor !== errors.JOSEError) return 'malformed_token';
  // Anything else is a failed JWKS fetch (network, DNS, 5xx): not the caller's fault.
  return 'verification_unavailable';
}
