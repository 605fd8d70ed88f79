import { readMailbox, type ReceivedMail } from '@entente/mail-reader';
import { testEndpoints } from './infra-endpoints';

export type { ReceivedMail } from '@entente/mail-reader';

/**
 * The mail an address received at the local mail server (GreenMail, started
 * with the test infrastructure), oldest first. Reads GreenMail's REST API;
 * fails with a message when the run uses an external SMTP server.
 */
export async function readInbox(address: string, endpoints = testEndpoints()): Promise<ReceivedMail[]> {
  if (!endpoints.mailApiUrl) throw new Error('MAIL_API_URL is not set: the run sends mail to an external SMTP server, whose mail this helper cannot read');
  return readMailbox(endpoints.mailApiUrl, address);
}

/** Polls the inbox until `accept` finds what it wants (or the time is up, then fails saying what arrived). */
export async function waitForMail(address: string, accept: (mail: ReceivedMail[]) => boolean, timeoutMs = 30_000): Promise<ReceivedMail[]> {
  const deadline = Date.now() + timeoutMs;
  let last: ReceivedMail[] = [];
  while (Date.now() < deadline) {
    last = await readInbox(address);
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`mail for ${address} did not arrive within ${timeoutMs} ms; the inbox holds: ${JSON.stringify(last.map((mail) => mail.subject))}`);
}
