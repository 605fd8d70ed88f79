import { z } from 'zod';
import { env } from '@entente/config';

/**
 * The variables every domain service reads. Each service extends this shape
 * with its own and validates it at boot (a bad value stops it, naming the variable).
 */
export function serviceConfigShape(defaults: { port: number; database: string; groupId: string }) {
  return {
    PORT: env.port(defaults.port),
    HOST: z.string().min(1).default('127.0.0.1'),
    MONGO_URL: env.mongoUrl(),
    MONGO_DATABASE: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a MongoDB database name (letters, digits, _ and -)')
      .default(defaults.database),
    KAFKA_BROKERS: env.brokers(),
    KEYCLOAK_URL: env.url(),
    KEYCLOAK_REALM: z.string().min(1).default('entente'),
    AUTH_AUDIENCE: z.string().min(1).default('entente-gateway'),
    AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
    KAFKA_MAX_ATTEMPTS: env.positiveInt(5),
    /** Off, events stay in the outbox (ops can pause publishing; the fault-injection test stops between write and publish). */
    OUTBOX_RELAY_ENABLED: env.bool(true),
    OUTBOX_POLL_INTERVAL_MS: env.positiveInt(200),
    /** How long the consumer group waits for a replica that went silent (the broker's minimum is 6 s). */
    KAFKA_SESSION_TIMEOUT_MS: z.coerce
      .number()
      .int('must be a whole number of milliseconds')
      .min(6_000, 'must be at least 6000: the Kafka broker refuses shorter session timeouts')
      .max(300_000, 'must be at most 300000 (five minutes)')
      .default(30_000),
    /** Replicas of one deployment share the consumer group; a separate deployment (or test run) takes its own. */
    KAFKA_GROUP_ID: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1–100 letters, digits, dots, dashes or underscores')
      .default(defaults.groupId),
  };
}

export type BaseServiceConfig = z.infer<z.ZodObject<ReturnType<typeof serviceConfigShape>>>;
