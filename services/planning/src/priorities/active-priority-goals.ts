import { Injectable } from '@nestjs/common';
import type { TenantScope } from '@entente/persistence';
import { GoalsInUse, type GoalUser } from '../strategy/goals-in-use.port';
import { PriorityRepository } from './priority.repository';

/** The strategy's GoalsInUse port, answered from the priorities. */
@Injectable()
export class ActivePriorityGoals extends GoalsInUse {
  constructor(private readonly priorities: PriorityRepository) {
    super();
  }

  async activeAdvancing(scope: TenantScope, goalIds: readonly string[]): Promise<GoalUser[]> {
    if (goalIds.length === 0) return [];
    return (await this.priorities.activeAdvancing(scope, goalIds)).map(({ priorityId, title, goalIds: advanced }) => ({ priorityId, title, goalIds: advanced }));
  }
}
