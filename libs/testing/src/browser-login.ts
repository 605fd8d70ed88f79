import { createHash, randomBytes } from 'node:crypto';
import { testEndpoints } from './infra-endpoints';
import { DEFAULT_CLIENT_ID, ENTENTE_REALM } from './keycloak-fixtures';

/**
 * Signs a person in the way a browser would, against the real Keycloak login
 * pages: authorization code flow with PKCE on the public CLI client, the
 * login form, and — for an invited user holding a temporary password — the
 * "update password" form Keycloak shows next. Returns the access token and
 * leaves the account with `newPassword` (so later direct grants work).
 */
export async function signInThroughLoginPages(options: { username: string; password: string; newPassword?: string }): Promise<string> {
  const realmUrl = `${testEndpoints().keycloakUrl}/realms/${ENTENTE_REALM}`;
  const redirectUri = 'http://127.0.0.1/signed-in';
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const jar = new CookieJar();

  const authorize = new URL(`${realmUrl}/protocol/openid-connect/auth`);
  authorize.search = new URLSearchParams({
    client_id: DEFAULT_CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid',
    state: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  let page = await jar.fetch(authorize.toString(), { method: 'GET' });
  let response = await followWithinKeycloak(
    jar,
    await jar.fetch(formAction(await page.text(), 'login'), {
      method: 'POST',
      body: new URLSearchParams({ username: options.username, password: options.password, credentialId: '' }),
    }),
    redirectUri,
  );
  if (response.status === 200) {
    const html = await response.text();
    if (!/password-new/.test(html)) throw new Error(`Keycloak did not sign ${options.username} in: ${pageMessage(html)}`);
    if (!options.newPassword) throw new Error(`${options.username} must choose a new password at first sign-in; pass newPassword`);
    response = await followWithinKeycloak(
      jar,
      await jar.fetch(formAction(html, 'update password'), {
        method: 'POST',
        body: new URLSearchParams({ 'password-new': options.newPassword, 'password-confirm': options.newPassword }),
      }),
      redirectUri,
    );
  }
  const location = response.headers.get('location');
  if (response.status !== 302 || !location?.startsWith(redirectUri)) {
    throw new Error(`Keycloak answered ${response.status} instead of redirecting back: ${pageMessage(await response.text())}`);
  }
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`no authorization code in ${location}`);
  page = await fetch(`${realmUrl}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: DEFAULT_CLIENT_ID, code_verifier: verifier }).toString(),
  });
  const body = (await page.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string') throw new Error(`no access token for ${options.username}: ${JSON.stringify(body)}`);
  return body.access_token;
}

/** Follows Keycloak's own redirects (e.g. to a required action) until a page, or the redirect back to the client. */
async function followWithinKeycloak(jar: CookieJar, response: Response, redirectUri: string): Promise<Response> {
  let current = response;
  for (let hops = 0; hops < 5; hops += 1) {
    const location = current.headers.get('location');
    if (current.status !== 302 || !location || location.startsWith(redirectUri)) return current;
    current = await jar.fetch(new URL(location, current.url || undefined).toString(), { method: 'GET' });
  }
  return current;
}

/** The action URL of the page's form (Keycloak's templates HTML-escape it). */
function formAction(html: string, what: string): string {
  const match = /<form[^>]*\saction="([^"]+)"/i.exec(html);
  if (!match?.[1]) throw new Error(`no ${what} form on the Keycloak page: ${pageMessage(html)}`);
  return match[1].replace(/&amp;/g, '&');
}

function pageMessage(html: string): string {
  const alert = /class="[^"]*(?:alert|kc-feedback-text)[^"]*"[^>]*>([\s\S]{0,400}?)<\//i.exec(html)?.[1];
  return (alert ?? html.slice(0, 300)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Just enough of a browser's cookie handling for one login on one host; redirects are not followed. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string, init: { method: string; body?: URLSearchParams }): Promise<Response> {
    const response = await fetch(url, {
      method: init.method,
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.body?.toString(),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }
}
