import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhookBody } from './webhook-signature';

/** The outcome of one POST: accepted (2xx), or why not. */
export type WebhookOutcome = { ok: true } | { ok: false; reason: string };

/**
 * POSTs a JSON body to a search's webhook, signed with its secret; a 2xx
 * answer within 10 s is success, anything else (another status, a timeout,
 * a refused connection) a failure the dispatcher retries with back-off.
 * Redirects are not followed: a signed body goes only where the owner said.
 */
export async function postWebhook(url: string, secret: string, deliveryId: string, payload: unknown): Promise<WebhookOutcome> {
  const body = JSON.stringify(payload);
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/json', 'user-agent': 'Entente-Alerts/1', [SIGNATURE_HEADER]: signWebhookBody(body, secret), [DELIVERY_HEADER]: deliveryId },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.ok ? { ok: true } : { ok: false, reason: `answered HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, reason: (error as Error).name === 'TimeoutError' ? 'no answer within 10 s' : `could not be reached${cause ? ` (${cause})` : ''}` };
  }
}
