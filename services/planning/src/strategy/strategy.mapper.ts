import type { StrategyView } from './strategy.service';
import { effectiveStaffFte } from './strategy.rules';
import type { Strategy } from './strategy.model';

export function toStrategy(view: StrategyView): Strategy {
  return {
    goals: view.goals.map((goal) => ({ ...goal, indicators: [...goal.indicators] })),
    governanceModel: view.governanceModel,
    executiveSponsor: view.executiveSponsor ? { ...view.executiveSponsor } : null,
    advisoryGroups: view.advisoryGroups.map((group) => ({
      ...group,
      members: group.members.map((member) => ({ ...member })),
      meetings: group.meetings.map((meeting) => ({ ...meeting })),
    })),
    nationalPolicyAlignment: view.nationalPolicyAlignment,
    staffFte: effectiveStaffFte(view),
    staffFteIsDefault: view.staffFte === null,
    priorityCapOverride: view.priorityCapOverride ? { ...view.priorityCapOverride } : null,
    updatedAt: view.updatedAt,
  };
}
