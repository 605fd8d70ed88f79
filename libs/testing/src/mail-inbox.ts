import { testEndpoints } from './infra-endpoints';

/** A mail as it arrived at the test mail server, its MIME parts decoded. */
export interface ReceivedMail {
  messageId: string;
  subject: string;
  /** Header names lower-cased, folded lines joined. */
  headers: Record<string, string>;
  text: string;
  html: string;
  raw: string;
}

/**
 * The mail an address received at the local mail server (GreenMail, started
 * with the test infrastructure), oldest first. Reads GreenMail's REST API;
 * fails with a message when the run uses an external SMTP server.
 */
export async function readInbox(address: string, endpoints = testEndpoints()): Promise<ReceivedMail[]> {
  if (!endpoints.mailApiUrl) throw new Error('MAIL_API_URL is not set: the run sends mail to an external SMTP server, whose mail this helper cannot read');
  const response = await fetch(`${endpoints.mailApiUrl}/api/user/${encodeURIComponent(address)}/messages/INBOX`, { signal: AbortSignal.timeout(5_000) });
  // GreenMail answers 400 for an address that has received nothing yet.
  if (response.status === 400) return [];
  if (!response.ok) throw new Error(`the mail server answered ${response.status} for ${address}: ${await response.text()}`);
  const messages = (await response.json()) as Array<{ mimeMessage: string }>;
  return messages.map((message) => parseMail(message.mimeMessage));
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

/** A small MIME reader for what the platform sends: headers, multipart bodies, quoted-printable and base64. */
export function parseMail(raw: string): ReceivedMail {
  const { headers, body } = splitEntity(raw);
  const parts = leafParts(headers, body);
  return {
    messageId: headers['message-id'] ?? '',
    subject: decodeWords(headers['subject'] ?? ''),
    headers,
    text: parts.find((part) => part.type.startsWith('text/plain'))?.content ?? '',
    html: parts.find((part) => part.type.startsWith('text/html'))?.content ?? '',
    raw,
  };
}

function splitEntity(entity: string): { headers: Record<string, string>; body: string } {
  const normalised = entity.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  const head = end < 0 ? normalised : normalised.slice(0, end);
  const body = end < 0 ? '' : normalised.slice(end + 2);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function leafParts(headers: Record<string, string>, body: string): Array<{ type: string; content: string }> {
  const type = (headers['content-type'] ?? 'text/plain').toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (type.startsWith('multipart/') && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .flatMap((part) => {
        const entity = splitEntity(part.replace(/^\n/, ''));
        return leafParts(entity.headers, entity.body);
      });
  }
  return [{ type, content: decodeBody(body, headers['content-transfer-encoding'] ?? '7bit') }];
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case 'quoted-printable':
      return Buffer.from(
        body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8');
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=) in a header. */
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=\s*/gi, (_match, _charset: string, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}
