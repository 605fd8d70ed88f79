import { z } from 'zod';
import { serviceConfigShape } from '@entente/service-runtime';

export const networkConfigSchema = z.object({
  ...serviceConfigShape({ port: 4104, database: 'entente_network' }),
  /** Replicas of one deployment share the group; a separate deployment (or test run) takes its own. */
  KAFKA_GROUP_ID: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1–100 letters, digits, dots, dashes or underscores').default('network'),
});

export type NetworkConfig = z.infer<typeof networkConfigSchema>;
