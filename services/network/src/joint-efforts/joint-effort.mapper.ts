import type { JointEffort } from './joint-effort.model';
import type { JointEffortRecord } from './joint-effort.schema';

export function toJointEffort(record: JointEffortRecord, names: ReadonlyMap<string, string>): JointEffort {
  return {
    id: record.id,
    networkId: record.networkId,
    kind: record.kind,
    title: record.title,
    leadJurisdictionId: record.leadJurisdictionId,
    participants: record.participants.map((p) => ({ jurisdictionId: p.jurisdictionId, name: names.get(p.jurisdictionId) ?? p.jurisdictionId, costShare: p.costShare, joinedAt: p.joinedAt ? new Date(p.joinedAt) : null })),
    timelineStart: record.timeline?.start ?? null,
    timelineEnd: record.timeline?.end ?? null,
    status: record.status,
    country: record.country,
    opportunityId: record.opportunityId,
    fromSuggestionKey: record.fromSuggestion?.key ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
