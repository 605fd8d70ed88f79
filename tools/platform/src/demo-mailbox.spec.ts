import { parseMail } from '@entente/mail-reader';
import { mailboxPage } from './demo-mailbox';

const mail = (subject: string, body: { text?: string; html?: string }) =>
  parseMail(
    [
      `Subject: ${subject}`,
      'From: =?UTF-8?Q?Entente_F=C3=B6rderung?= <alerts@entente.local>',
      'To: rostock-staff@entente.local',
      'Date: Wed, 02 Dec 2026 21:00:00 +0000',
      `Content-Type: ${body.html ? 'text/html' : 'text/plain'}; charset=utf-8`,
      '',
      body.html ?? body.text ?? '',
    ].join('\r\n'),
  );

describe('the demo mailbox page', () => {
  it('shows each mail with its sender decoded and its HTML only inside a sandboxed frame, escaped', () => {
    const page = mailboxPage('rostock-staff@entente.local', [mail('New call <b>now</b>', { html: '<p>Closes "soon" <a href="http://x/unsubscribe">Unsubscribe</a></p><script>alert(1)</script>' })]);
    expect(page).toContain('<h1>Mail to rostock-staff@entente.local</h1>');
    expect(page).toContain('1 mail, newest first');
    expect(page).toContain('<h2 id="mail-0">New call &lt;b&gt;now&lt;/b&gt;</h2>');
    expect(page).toContain('<dt>From</dt><dd>Entente Förderung &lt;alerts@entente.local&gt;</dd>');
    // The mail's markup exists only as the escaped srcdoc of a frame with neither scripts nor this page's origin.
    expect(page).toContain('<iframe sandbox="allow-popups allow-popups-to-escape-sandbox" title="Body of “New call &lt;b&gt;now&lt;/b&gt;”" srcdoc="&lt;base target=&quot;_blank&quot;&gt;&lt;p&gt;Closes &quot;soon&quot;');
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<p>Closes');
  });

  it('shows a text mail as text, and says so when nothing has arrived', () => {
    expect(mailboxPage('a@b.example', [mail('Digest', { text: '2 calls <for> you' }), mail('First', { text: 'one' })])).toMatch(/2 mails, newest first[\s\S]*<h2 id="mail-0">Digest<\/h2>[\s\S]*<pre>2 calls &lt;for&gt; you\s*<\/pre>[\s\S]*<h2 id="mail-1">First<\/h2>/);
    expect(mailboxPage('a@b.example', [])).toContain('Nothing has arrived for this address yet.');
  });
});
