/** One mail as the platform sends it: plain text and HTML of the same content. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * The Message-ID, derived from the delivery's idempotency key: a mail
   * resent after a crash carries the same id, so mail clients that
   * deduplicate by it show it once.
   */
  messageId: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers: Record<string, string>;
}

/**
 * The port to whatever sends mail (SMTP in every environment: GreenMail
 * locally, the organisation's relay in production). Resolves once the server
 * accepted the mail; rejects with the server's answer otherwise.
 */
export abstract class MailSender {
  abstract send(mail: OutgoingMail): Promise<void>;
}
