import { parseMail } from './mime';

/** A mail as nodemailer writes an alert: folded headers, an encoded-word subject, text in quoted-printable and HTML in base64. */
const RAW = [
  'Message-ID: <alert-1@entente.local>',
  'From: Entente alerts <alerts@entente.local>',
  'To: rostock-staff@entente.local',
  'Subject: =?UTF-8?Q?F=C3=B6rdermittel:_Baltic?= =?UTF-8?B?IFNpc3RlciBDaXRpZXM=?=',
  'List-Unsubscribe: <http://127.0.0.1:4000/alerts/unsubscribe?token=abc>,',
  ' <mailto:unsubscribe@entente.local>',
  'Content-Type: multipart/alternative; boundary="--b1"',
  '',
  '----b1',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Gr=C3=BC=C3=9Fe aus Rostock =E2=80=94 a line long enough to be soft-=',
  'broken',
  '----b1',
  'Content-Type: text/html; charset=utf-8',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('<p>Grüße aus Rostock</p>').toString('base64'),
  '----b1--',
  '',
].join('\r\n');

describe('reading a mail the platform sent', () => {
  it('decodes the subject, joins folded headers and decodes each part by its transfer encoding', () => {
    const mail = parseMail(RAW);
    expect(mail.messageId).toBe('<alert-1@entente.local>');
    expect(mail.subject).toBe('Fördermittel: Baltic Sister Cities');
    expect(mail.headers['list-unsubscribe']).toBe('<http://127.0.0.1:4000/alerts/unsubscribe?token=abc>, <mailto:unsubscribe@entente.local>');
    expect(mail.text.trim()).toBe('Grüße aus Rostock — a line long enough to be soft-broken');
    expect(mail.html.trim()).toBe('<p>Grüße aus Rostock</p>');
    expect(mail.raw).toBe(RAW);
  });

  it('reads a single-part mail without a content type as plain text', () => {
    const mail = parseMail('Subject: Hello\r\n\r\nPlain body\r\n');
    expect(mail).toMatchObject({ subject: 'Hello', text: 'Plain body\n', html: '', messageId: '' });
  });
});
