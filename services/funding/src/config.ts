import { z } from 'zod';
import { serviceConfigShape } from '@entente/service-runtime';

export const fundingConfigSchema = z.object({
  ...serviceConfigShape({ port: 4103, database: 'entente_funding', groupId: 'funding' }),
});

export type FundingConfig = z.infer<typeof fundingConfigSchema>;
