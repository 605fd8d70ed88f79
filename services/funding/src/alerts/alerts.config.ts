import { z } from 'zod';
import { env } from '@entente/config';

/**
 * Mail and alerts (services/funding/README.md, Mail). SMTP_URL names the
 * server: `smtp://host:port` (STARTTLS when the server offers it, required
 * with SMTP_REQUIRE_TLS) or `smtps://host:465` (TLS from the first byte);
 * credentials go in SMTP_USER / SMTP_PASSWORD rather than in the URL.
 */
export const alertsConfigShape = {
  SMTP_URL: z
    .string()
    .refine((value) => URL.canParse(value) && ['smtp:', 'smtps:'].includes(new URL(value).protocol) && new URL(value).hostname !== '', 'must be smtp://host:port or smtps://host:port'),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_REQUIRE_TLS: env.bool(false),
  /** The From of every alert mail: an address the SMTP server may send as. */
  MAIL_FROM: z.string().min(3).default('Entente alerts <alerts@entente.local>'),
  /** Signs unsubscribe links (HMAC-SHA256): at least 32 characters, kept secret; changing it voids every link already mailed. */
  ALERTS_LINK_SECRET: z.string().min(32, 'must be at least 32 characters: it signs the unsubscribe links in every alert mail'),
  /** Where people reach the platform: the base of the links in mails (the gateway forwards /alerts/unsubscribe). */
  ALERTS_PUBLIC_URL: env.url(),
  /**
   * Lets webhooks go to loopback, private and link-local addresses (local
   * development and tests, whose receivers listen on 127.0.0.1); never set in
   * production, where it would let a saved search reach the internal network.
   */
  WEBHOOK_ALLOW_PRIVATE: env.bool(false),
  /** Consecutive failed POSTs after which a search's webhook is disabled and its owner told. */
  WEBHOOK_MAX_FAILURES: env.positiveInt(5),
  /** How often the delivery queue and the digest schedule are polled. */
  ALERT_DELIVERY_POLL_MS: env.positiveInt(1000),
  /**
   * How long a claimed delivery is one replica's: a send must finish (or the
   * process be gone) by then, after which another replica sends it again
   * with the same key. Longer than the webhook timeout (10 s) and a slow
   * SMTP exchange; shorter only in tests that kill a sender mid-send.
   */
  ALERT_DELIVERY_LEASE_MS: z.coerce.number().int().min(15_000, 'must be at least 15000 (the webhook timeout is 10 s)').default(60_000),
};
