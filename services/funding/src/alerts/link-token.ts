import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an unsubscribe link names: exactly one search of one user. */
export interface UnsubscribeClaim {
  searchId: string;
  ownerId: string;
}

/** What a stop-following link names: exactly one follow of one user. */
export interface UnfollowClaim {
  followId: string;
  ownerId: string;
}

/**
 * A link token: two ids (the thing and its owner), base64url, a dot, and an
 * HMAC-SHA256 of them and the link's purpose under the server's secret
 * (ALERTS_LINK_SECRET). It works without signing in, names one thing only,
 * and cannot be made or altered without the secret; the purpose is signed
 * too, so an unsubscribe token is no stop-following token. Tokens do not
 * expire (mail is read late); rotating the secret voids every link mailed
 * before.
 */
function signLink(purpose: string, ids: readonly [string, string], secret: string): string {
  const body = Buffer.from(JSON.stringify(ids)).toString('base64url');
  return `${body}.${mac(purpose, body, secret)}`;
}

/** The two ids a token of this purpose names, or null when it is malformed or its signature is not ours. */
function verifyLink(purpose: string, token: string, secret: string): [string, string] | null {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return null;
  const expected = Buffer.from(mac(purpose, body, secret), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return null;
    return [parsed[0], parsed[1]];
  } catch {
    return null;
  }
}

const UNSUBSCRIBE = 'unsubscribe.v1';
const UNFOLLOW = 'unfollow.v1';

export function signUnsubscribe(claim: UnsubscribeClaim, secret: string): string {
  return signLink(UNSUBSCRIBE, [claim.searchId, claim.ownerId], secret);
}

export function verifyUnsubscribe(token: string, secret: string): UnsubscribeClaim | null {
  const ids = verifyLink(UNSUBSCRIBE, token, secret);
  return ids && { searchId: ids[0], ownerId: ids[1] };
}

export function signUnfollow(claim: UnfollowClaim, secret: string): string {
  return signLink(UNFOLLOW, [claim.followId, claim.ownerId], secret);
}

export function verifyUnfollow(token: string, secret: string): UnfollowClaim | null {
  const ids = verifyLink(UNFOLLOW, token, secret);
  return ids && { followId: ids[0], ownerId: ids[1] };
}

function mac(purpose: string, body: string, secret: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${body}`).digest('base64url');
}
