import { z } from 'zod';
import { serviceConfigShape } from '@entente/service-runtime';

export const networkConfigSchema = z.object({
  ...serviceConfigShape({ port: 4104, database: 'entente_network', groupId: 'network' }),
});

export type NetworkConfig = z.infer<typeof networkConfigSchema>;
