import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an unsubscribe link names: exactly one search of one user. */
export interface UnsubscribeClaim {
  searchId: string;
  ownerId: string;
}

const PURPOSE = 'unsubscribe.v1';

/**
 * An unsubscribe token: the search and its owner, base64url, a dot, and an
 * HMAC-SHA256 of them under the server's secret (ALERTS_LINK_SECRET). It
 * works without signing in, names one search only, and cannot be made or
 * altered without the secret; it does not expire (mail is read late), and
 * rotating the secret voids every link mailed before.
 */
export function signUnsubscribe(claim: UnsubscribeClaim, secret: string): string {
  const body = Buffer.from(JSON.stringify([claim.searchId, claim.ownerId])).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

/** The claim a token makes, or null when it is malformed or its signature is not ours. */
export function verifyUnsubscribe(token: string, secret: string): UnsubscribeClaim | null {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return null;
  const expected = Buffer.from(mac(body, secret), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return null;
    return { searchId: parsed[0], ownerId: parsed[1] };
  } catch {
    return null;
  }
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(`${PURPOSE}:${body}`).digest('base64url');
}
