import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a webhook POST carries its signature in: `sha256=<hex HMAC-SHA256 of the raw body under the search's secret>`. */
export const SIGNATURE_HEADER = 'entente-signature';
/** The delivery's idempotency key: the same on every retry, so a receiver can drop a POST it already handled. */
export const DELIVERY_HEADER = 'entente-delivery';

export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verifyWebhookSignature(body: string, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(body, secret));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Wait before retry `attempt` (1-based) of a failed delivery: 30 s doubling
 * to at most 1 h, with up to 20 % jitter so retries of many deliveries do
 * not arrive together.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (1 + 0.2 * random()));
}
