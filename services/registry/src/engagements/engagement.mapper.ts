import { Engagement, EngagementTypeValue } from './engagement.model';
import type { EngagementRecord } from './engagement.schema';

export function toEngagement(record: EngagementRecord): Engagement {
  return {
    id: record.engagementId,
    date: record.date,
    type: record.type as EngagementTypeValue,
    partnerIds: record.partnerIds,
    purpose: record.purpose,
    outcomes: record.outcomes,
    nextSteps: record.nextSteps,
    cost: record.cost ? { amount: record.cost.amount, currency: record.cost.currency } : null,
    staffDays: record.staffDays,
    priorityIds: record.priorityIds,
    createdAt: record.createdAt,
  };
}
