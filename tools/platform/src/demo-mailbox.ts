import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeWords, readMailbox, type ReceivedMail } from '@entente/mail-reader';

/**
 * The demo's mailbox as a page a person reads: `GET /mail/<address>` on the
 * demo files' server lists what the local mail server (GreenMail) holds for
 * that address, newest first, each mail as a mail client shows it (its HTML
 * in a sandboxed frame: no scripts, links open in a new tab, so an alert's
 * unsubscribe link works as it would in a mail client), else its text.
 * Local profile only: production sends to a real SMTP server (SMTP_URL).
 */
export function answerMailbox(mailApiUrl: string, request: IncomingMessage, response: ServerResponse): boolean {
  const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  const match = /^\/mail\/([^/]+)$/.exec(path);
  if (!match) return false;
  let address: string;
  try {
    address = decodeURIComponent(match[1] ?? '');
  } catch {
    address = '';
  }
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(address)) {
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('The address in /mail/<address> is not a mail address, such as /mail/rostock-staff@entente.local\n');
    return true;
  }
  readMailbox(mailApiUrl, address).then(
    (mails) => {
      const page = mailboxPage(address, mails.reverse());
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'" });
      response.end(page);
    },
    (error: unknown) => {
      response.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end(`The local mail server could not be read (${error instanceof Error ? error.message : String(error)}). Is it running? npm run infra -- status\n`);
    },
  );
  return true;
}

/** The page for one address's mail, newest first. Exported for its unit spec. */
export function mailboxPage(address: string, newestFirst: readonly ReceivedMail[]): string {
  const count = newestFirst.length === 1 ? '1 mail' : `${newestFirst.length} mails`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mail to ${escape(address)} · Entente demo</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1b1e; background: #f8f9fa; }
  main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  article { background: #fff; border: 1px solid #dee2e6; border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
  h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 .75rem; font-size: .9rem; color: #495057; }
  dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
  iframe { width: 100%; height: 18rem; border: 1px solid #dee2e6; border-radius: 4px; resize: vertical; background: #fff; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font: inherit; }
  a { color: #1864ab; }
</style>
</head>
<body>
<main>
<h1>Mail to ${escape(address)}</h1>
<p>${count}, newest first, as the local mail server (GreenMail) received them from the platform. <a href="">Reload</a> to see new ones.</p>
${newestFirst.length === 0 ? '<p>Nothing has arrived for this address yet. Alerts of a daily or weekly search come at the hour it names; an instant search mails as soon as a matching call arrives.</p>' : newestFirst.map(mailArticle).join('\n')}
</main>
</body>
</html>
`;
}

function mailArticle(mail: ReceivedMail, index: number): string {
  const fields: Array<[string, string | undefined]> = [
    ['From', mail.headers['from'] && decodeWords(mail.headers['from'])],
    ['To', mail.headers['to'] && decodeWords(mail.headers['to'])],
    ['Date', mail.headers['date']],
  ];
  const subject = mail.subject || '(no subject)';
  const body = mail.html
    ? // No allow-scripts and no allow-same-origin: the mail's HTML runs nothing and reads nothing of this page.
      `<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" title="${escape(`Body of “${subject}”`)}" srcdoc="${escape(`<base target="_blank">${mail.html}`)}"></iframe>`
    : `<pre>${escape(mail.text)}</pre>`;
  return `<article aria-labelledby="mail-${index}">
<h2 id="mail-${index}">${escape(subject)}</h2>
<dl>${fields
    .filter((field): field is [string, string] => Boolean(field[1]))
    .map(([name, value]) => `<dt>${name}</dt><dd>${escape(value)}</dd>`)
    .join('')}</dl>
${body}
</article>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
