import type { Alert } from './alert.model';
import type { AlertItemRecord } from './alert-item.schema';

export function toAlert(record: AlertItemRecord): Alert {
  const opportunity = record.opportunity;
  return {
    id: record.alertId,
    kind: record.kind,
    searchId: record.searchId,
    followedOpportunityId: record.followId ? (opportunity?.opportunityId ?? null) : null,
    sourceName: record.sourceName,
    summary: record.summary,
    opportunity: opportunity ? { ...opportunity, closesAt: opportunity.closesAt ? new Date(opportunity.closesAt) : null } : null,
    createdAt: new Date(record.createdAt),
    readAt: record.readAt ? new Date(record.readAt) : null,
  };
}
