/** A mail as a mail server holds it, its MIME parts decoded. */
export interface ReceivedMail {
  messageId: string;
  subject: string;
  /** Header names lower-cased, folded lines joined. */
  headers: Record<string, string>;
  text: string;
  html: string;
  raw: string;
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

/**
 * RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=) in a header: a
 * subject, a sender's display name. Space between two encoded words is not
 * text; space after the last one is ("Name <address>").
 */
export function decodeWords(value: string): string {
  return value.replace(/(\?=)\s+(?==\?[^?]+\?[QB]\?)/gi, '$1').replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_match, _charset: string, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}
