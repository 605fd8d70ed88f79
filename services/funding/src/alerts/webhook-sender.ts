import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { WEBHOOK_POLICY_REFUSED, type WebhookPolicy } from '../webhooks/webhook-policy';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhookBody } from './webhook-signature';

/** The outcome of one POST: accepted (2xx), or why not. */
export type WebhookOutcome = { ok: true } | { ok: false; reason: string };

const TIMEOUT_MS = 10_000;

/**
 * POSTs a JSON body to a search's webhook, signed with its secret; a 2xx
 * answer within 10 s is success, anything else (another status, a timeout,
 * a refused connection, an address the policy refuses) a failure the
 * dispatcher retries with back-off. Redirects are not followed: a signed
 * body goes only where the owner said. The connection resolves the host
 * through the policy's lookup, so the address checked is the address
 * connected to (no window for DNS rebinding between a check and the send).
 */
export async function postWebhook(url: string, secret: string, deliveryId: string, payload: unknown, policy: WebhookPolicy): Promise<WebhookOutcome> {
  const refused = policy.refusalBeforeLookup(url);
  if (refused) return { ok: false, reason: `was not sent: it ${refused}` };
  const body = JSON.stringify(payload);
  const target = new URL(url);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookOutcome>((resolve) => {
    const request = send(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Entente-Alerts/1',
          [SIGNATURE_HEADER]: signWebhookBody(body, secret),
          [DELIVERY_HEADER]: deliveryId,
        },
        lookup: policy.connectionLookup(),
        signal,
      },
      (response: IncomingMessage) => {
        const status = response.statusCode ?? 0;
        response.resume();
        response.once('end', () => resolve(status >= 200 && status < 300 ? { ok: true } : { ok: false, reason: `answered HTTP ${status}` }));
        response.once('error', () => resolve({ ok: false, reason: signal.aborted ? `no answer within ${TIMEOUT_MS / 1000} s` : `answered HTTP ${status} and broke off` }));
      },
    );
    request.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === WEBHOOK_POLICY_REFUSED) return resolve({ ok: false, reason: `was not sent: it ${error.message}` });
      if (signal.aborted) return resolve({ ok: false, reason: `no answer within ${TIMEOUT_MS / 1000} s` });
      return resolve({ ok: false, reason: `could not be reached${error.code ? ` (${error.code})` : ''}` });
    });
    request.end(body);
  });
}
