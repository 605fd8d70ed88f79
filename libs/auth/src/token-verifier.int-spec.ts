import { SignJWT } from 'jose';
import { createPublicKey } from 'node:crypto';
import { AuthenticationError, type AuthenticationFailureReason } from './authentication.error';
import { LocalIssuer } from '@entente/testing';
import { TokenVerifier } from './token-verifier';

describe('TokenVerifier', () => {
  let issuer: LocalIssuer;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    issuer = await LocalIssuer.start();
  });
  afterAll(() => issuer.stop());
  beforeEach(() => {
    verifier = new TokenVerifier({ keycloakUrl: issuer.keycloakUrl, jwksCooldownMs: 0 });
  });

  async function failure(token: string | null): Promise<AuthenticationFailureReason> {
    try {
      await verifier.verify(token);
    } catch (error) {
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as Error).message).not.toMatch(/jose|ERR_|http:\/\//i);
      return (error as AuthenticationError).reason;
    }
    throw new Error('expected the token to be rejected');
  }

  it('returns the identity of a valid token, keeping only platform roles', async () => {
    const token = await issuer.sign({
      sub: 'u-42',
      preferred_username: 'bob',
      jurisdiction: 'jur-lyon',
      roles: ['staff', 'offline_access', 'executive', 'default-roles-entente'],
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      userId: 'u-42',
      username: 'bob',
      jurisdictionId: 'jur-lyon',
      roles: ['staff', 'executive'],
    });
  });

  it('rejects a missing token', async () => {
    expect(await failure(null)).toBe('missing_token');
  });

  it('rejects a malformed token', async () => {
    expect(await failure('not-a-jwt')).toBe('malformed_token');
  });

  it('rejects an expired token beyond the clock tolerance, accepts one within it', async () => {
    expect(await failure(await issuer.sign({ expiresInSeconds: -30 }))).toBe('expired_token');
    await expect(verifier.verify(await issuer.sign({ expiresInSeconds: -2 }))).resolves.toBeDefined();
  });

  it('rejects a token from another issuer', async () => {
    expect(await failure(await issuer.sign({ issuer: `${issuer.keycloakUrl}/realms/other` }))).toBe('wrong_issuer');
  });

  it('rejects a token for another audience', async () => {
    expect(await failure(await issuer.sign({ audience: 'account' }))).toBe('wrong_audience');
  });

  it('rejects a token signed by a key that is not published', async () => {
    const stranger = await LocalIssuer.newKey('RS256', 'unpublished');
    expect(await failure(await issuer.sign({ key: stranger }))).toBe('unknown_signing_key');
  });

  it('rejects a token whose signature does not match the published key with that kid', async () => {
    const impostor = { ...(await LocalIssuer.newKey('RS256')), kid: issuer.keys[0].kid };
    expect(await failure(await issuer.sign({ key: impostor }))).toBe('bad_signature');
  });

  it('rejects HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const publicPem = createPublicKey({ key: { ...issuer.keys[0].publicJwk }, format: 'jwk' })
      .export({ format: 'pem', type: 'spki' })
      .toString();
    const token = await new SignJWT({ jurisdiction: 'jur-1' })
      .setProtectedHeader({ alg: 'HS256', kid: issuer.keys[0].kid })
      .setSubject('user-1')
      .setIssuer(issuer.issuer)
      .setAudience('entente-gateway')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(publicPem));
    expect(await failure(token)).toBe('algorithm_not_allowed');
  });

  it('rejects unsigned tokens (alg none)', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${encode({ alg: 'none' })}.${encode({ sub: 'u', iss: issuer.issuer, aud: 'entente-gateway', exp: 9e9, jurisdiction: 'j' })}.`;
    expect(['algorithm_not_allowed', 'malformed_token']).toContain(await failure(token));
  });

  it('follows key rotation: a token signed by a newly published kid verifies', async () => {
    await verifier.verify(await issuer.sign()); // warms the JWKS cache with the old key set
    const rotated = await LocalIssuer.newKey('ES256', 'rotated-key');
    issuer.publish(rotated);
    await expect(verifier.verify(await issuer.sign({ key: rotated, sub: 'u-rotated' }))).resolves.toMatchObject({
      userId: 'u-rotated',
    });
  });

  it('rejects a token without a jurisdiction claim', async () => {
    expect(await failure(await issuer.sign({ jurisdiction: null }))).toBe('missing_jurisdiction');
  });

  it('reports an unreachable identity provider as transient, not as the caller’s fault', async () => {
    const offline = new TokenVerifier({ keycloakUrl: 'http://127.0.0.1:1', jwksTimeoutMs: 1_000 });
    const error = await offline.verify(await issuer.sign()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).reason).toBe('verification_unavailable');
  });

  describe('with introspection', () => {
    const withIntrospection = (secret: string = LocalIssuer.INTROSPECTION_CLIENT.secret) =>
      new TokenVerifier({ keycloakUrl: issuer.keycloakUrl, introspection: { clientId: LocalIssuer.INTROSPECTION_CLIENT.id, clientSecret: secret } });

    it('accepts a token the identity provider still reports active', async () => {
      await expect(withIntrospection().verify(await issuer.sign())).resolves.toMatchObject({ jurisdictionId: expect.any(String) });
    });

    it('refuses a valid-looking token that is no longer active (deactivated user, ended session)', async () => {
      const token = await issuer.sign();
      issuer.revoke(token);
      await expect(verifier.verify(token)).resolves.toBeDefined();
      await expect(withIntrospection().verify(token)).rejects.toMatchObject({ reason: 'inactive_token' });
    });

    it('reports a refused introspection client as unavailable, never as the caller’s inactive token', async () => {
      await expect(withIntrospection('wrong').verify(await issuer.sign())).rejects.toMatchObject({ reason: 'verification_unavailable', isTransient: true });
    });
  });

  it('refuses to be configured with symmetric or unsigned algorithms', () => {
    expect(() => new TokenVerifier({ keycloakUrl: issuer.keycloakUrl, algorithms: ['RS256', 'HS256'] })).toThrow(/HS256/);
  });
});
