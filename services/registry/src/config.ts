import { z } from 'zod';
import { env } from '@entente/config';
import { serviceConfigShape } from '@entente/service-runtime';

export const registryConfigSchema = z.object({
  ...serviceConfigShape({ port: 4101, database: 'entente_registry' }),
  OUTBOX_RELAY_ENABLED: env.bool(true),
  OUTBOX_POLL_INTERVAL_MS: env.positiveInt(200),
  /** An active relationship with no engagement for more than this many calendar months is reported dormant. */
  DORMANCY_MONTHS: env.positiveInt(12),
});

export type RegistryConfig = z.infer<typeof registryConfigSchema>;
