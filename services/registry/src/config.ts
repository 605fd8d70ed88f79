import { z } from 'zod';
import { env } from '@entente/config';
import { serviceConfigShape } from '@entente/service-runtime';
import { DEFAULT_VIEW_CACHE } from '@entente/persistence';

export const registryConfigSchema = z.object({
  ...serviceConfigShape({ port: 4101, database: 'entente_registry', groupId: 'registry' }),
  /** An active relationship with no engagement for more than this many calendar months is reported dormant. */
  DORMANCY_MONTHS: env.positiveInt(12),
  /** How often the import runner looks for jobs nobody is running (new jobs start at once): how a restart resumes them. */
  IMPORT_POLL_INTERVAL_MS: env.positiveInt(2000),
  /** How long a runner holds a job without renewing; a crashed runner's job is taken over after this. */
  IMPORT_LEASE_MS: env.positiveInt(15_000),
  /**
   * How long a cached view (Table 1, a country profile) may be served while
   * the jurisdiction's inventory version is unchanged; 0 turns the cache off.
   * Any write changes the version, so this bounds only what a write that
   * crashed between its data and its second bump could leave behind.
   */
  VIEW_CACHE_MAX_AGE_MS: z.coerce.number().int().min(0).default(DEFAULT_VIEW_CACHE.maxAgeMs),
  /** The most records the view cache holds per process (a country profile weighs its records, Table 1 one); least recently used go first. */
  VIEW_CACHE_MAX_RECORDS: env.positiveInt(DEFAULT_VIEW_CACHE.maxRecords),
  /** The confidential client whose service account invites, lists and deactivates users (realm-management roles). */
  KEYCLOAK_ADMIN_CLIENT_ID: z.string().min(1).default('entente-registry'),
  KEYCLOAK_ADMIN_CLIENT_SECRET: z.string().min(1, 'must be the secret of the registry’s Keycloak client (KEYCLOAK_ADMIN_CLIENT_ID)'),
});

export type RegistryConfig = z.infer<typeof registryConfigSchema>;
