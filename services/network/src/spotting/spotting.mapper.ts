import type { NetworkSuggestion } from './spotting.model';
import type { SuggestionRecord } from './spotting.schema';

export function toSuggestion(record: SuggestionRecord, names: ReadonlyMap<string, string>): NetworkSuggestion {
  return {
    id: record.suggestionId,
    networkId: record.networkId,
    key: record.key,
    kind: record.kind,
    score: record.score,
    scoreBasis: record.scoreBasis,
    members: record.members.map((jurisdictionId) => ({ jurisdictionId, name: names.get(jurisdictionId) ?? jurisdictionId })),
    evidence: record.evidence.map((e) => ({ jurisdictionId: e.jurisdictionId, kind: e.kind, recordId: e.recordId, summary: e.summary })),
    explanation: record.explanation,
    deadline: record.deadline,
    windowStart: record.window?.start ?? null,
    windowEnd: record.window?.end ?? null,
    estimatedSaving: record.estimatedSaving ? { amount: record.estimatedSaving.amount, currency: record.estimatedSaving.currency } : null,
    sectors: [...record.sectors],
    status: record.status,
    dismissal: record.dismissal ? { reason: record.dismissal.reason, byUserId: record.dismissal.byUserId, at: new Date(record.dismissal.at) } : null,
  };
}
