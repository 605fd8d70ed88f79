import { z } from 'zod';
import { env } from '@entente/config';
import { serviceConfigShape } from '@entente/service-runtime';
import { alertsConfigShape } from './alerts/alerts.config';

export const fundingConfigSchema = z.object({
  ...serviceConfigShape({ port: 4103, database: 'entente_funding', groupId: 'funding' }),
  ...alertsConfigShape,
  /** Whether this replica schedules and runs scouting (every replica may; a lease keeps each run to one). */
  SCOUTING_ENABLED: env.bool(true),
  /** How often the scouting runner looks for due sources and unclaimed runs (a run asked for now starts at once). */
  SCOUTING_POLL_INTERVAL_MS: env.positiveInt(5000),
  /** How long a runner holds a run without renewing; a crashed runner's run is taken over after this. */
  SCOUTING_LEASE_MS: env.positiveInt(30_000),
  /** Per request to a source: wait for its headers this long, then retry this many times with back-off. */
  SCOUTING_FETCH_TIMEOUT_MS: env.positiveInt(30_000),
  SCOUTING_FETCH_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
});

export type FundingConfig = z.infer<typeof fundingConfigSchema>;
