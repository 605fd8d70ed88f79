import type { TenantScope } from '@entente/persistence';

/** An active priority and the goals it advances, as the strategy needs to know before a goal goes. */
export interface GoalUser {
  priorityId: string;
  title: string;
  goalIds: string[];
}

/**
 * Which active priorities advance any of these goals. Priorities depend on
 * the strategy (its goals, its staff FTE), so the strategy cannot import
 * them; the priorities feature provides this port instead (PrioritiesModule).
 */
export abstract class GoalsInUse {
  abstract activeAdvancing(scope: TenantScope, goalIds: readonly string[]): Promise<GoalUser[]>;
}
