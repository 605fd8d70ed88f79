import type { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { MailSender, type OutgoingMail } from './mail-sender';

/** What the SMTP sender is configured with (funding's config: SMTP_URL, SMTP_USER, SMTP_PASSWORD, SMTP_REQUIRE_TLS, MAIL_FROM). */
export interface SmtpSettings {
  url: string;
  user?: string;
  password?: string;
  requireTls: boolean;
  from: string;
}

/**
 * Sends through an SMTP server with nodemailer: `smtps://` is TLS from the
 * first byte, `smtp://` upgrades with STARTTLS when the server offers it
 * (and must, with requireTls). A pooled connection is reused between mails;
 * each send waits at most 30 s for the server.
 */
export class SmtpMailSender extends MailSender implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    super();
    const url = new URL(settings.url);
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 25),
      secure: url.protocol === 'smtps:',
      requireTLS: settings.requireTls,
      auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.settings.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
