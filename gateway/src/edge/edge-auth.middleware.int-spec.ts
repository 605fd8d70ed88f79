import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenVerifier } from '@entente/auth';
import { LocalIssuer } from '@entente/testing';
import { edgeAuthMiddleware } from './edge-auth.middleware';

describe('edgeAuthMiddleware', () => {
  let issuer: LocalIssuer;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    issuer = await LocalIssuer.start();
    const auth = edgeAuthMiddleware(new TokenVerifier({ keycloakUrl: issuer.keycloakUrl }));
    server = createServer((req, res) =>
      auth(req, res, () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ passed: true }));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await issuer.stop();
  });

  const post = (authorization?: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: '{"query":"{ __typename }"}',
    });

  async function expect401(response: Response, reason: string): Promise<void> {
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', reason } }] });
    expect(JSON.stringify(body)).not.toMatch(/ at |\.ts:|stack/i);
  }

  it('passes a valid token through', async () => {
    const response = await post(`Bearer ${await issuer.sign()}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ passed: true });
  });

  it('answers 401 missing_token without a token', async () => {
    await expect401(await post(), 'missing_token');
  });

  it('answers 401 malformed_token for a non-Bearer header', async () => {
    await expect401(await post('Basic dXNlcjpwYXNz'), 'malformed_token');
  });

  it('answers 401 expired_token for an expired token', async () => {
    await expect401(await post(`Bearer ${await issuer.sign({ expiresInSeconds: -60 })}`), 'expired_token');
  });

  it('answers 401 for a token signed by an unknown key', async () => {
    const stranger = await LocalIssuer.newKey();
    await expect401(await post(`Bearer ${await issuer.sign({ key: stranger })}`), 'unknown_signing_key');
  });

  it('lets CORS preflights through without a token', async () => {
    const response = await fetch(url, { method: 'OPTIONS' });
    expect(response.status).toBe(200);
  });
});
