// Proves the local mail server is a real SMTP server whose mail can be read back.
import { randomBytes } from 'node:crypto';
import { createTransport } from 'nodemailer';
import { readInbox, testEndpoints, waitForMail } from '@entente/testing';

describe('GreenMail (the local SMTP server)', () => {
  it('accepts mail over SMTP and its REST API reads it back, decoded', async () => {
    const { smtpUrl } = testEndpoints();
    const to = `infra-${randomBytes(4).toString('hex')}@test.entente.local`;
    expect(await readInbox(to)).toEqual([]);
    const transport = createTransport({ url: smtpUrl });
    try {
      await transport.sendMail({ from: 'Entente <alerts@entente.local>', to, subject: 'Fördermittel: Baltic Sister Cities', text: 'Grüße aus Rostock — closes in 21 days', html: '<p>Grüße aus Rostock</p>' });
    } finally {
      transport.close();
    }
    const [mail] = await waitForMail(to, (inbox) => inbox.length === 1);
    expect(mail?.subject).toBe('Fördermittel: Baltic Sister Cities');
    expect(mail?.text).toContain('Grüße aus Rostock — closes in 21 days');
    expect(mail?.html).toContain('<p>Grüße aus Rostock</p>');
  });
});
