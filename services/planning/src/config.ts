import { z } from 'zod';
import { serviceConfigShape } from '@entente/service-runtime';

export const planningConfigSchema = z.object({
  ...serviceConfigShape({ port: 4102, database: 'entente_planning', groupId: 'planning' }),
});

export type PlanningConfig = z.infer<typeof planningConfigSchema>;
