import type { HistoryEntry } from '@entente/persistence';
import type { FundingApplication, FundingApplicationChange } from './application.model';
import type { FundingApplicationRecord } from './application.schema';

export function toFundingApplication(record: FundingApplicationRecord): FundingApplication {
  return {
    id: record.applicationId,
    opportunityId: record.opportunityId,
    title: record.title,
    funder: record.funder,
    stage: record.stage,
    deadline: record.deadline,
    amountRequested: record.amountRequested ? { amount: record.amountRequested.amount, currency: record.amountRequested.currency } : null,
    amountAwarded: record.amountAwarded ? { amount: record.amountAwarded.amount, currency: record.amountAwarded.currency } : null,
    amountAwardedLocal: record.amountAwardedLocal,
    awardedOn: record.awardedOn,
    planYear: record.planYear,
    reason: record.reason,
    reasonNote: record.reasonNote,
    owner: record.owner,
    notes: record.notes,
    stageChangedAt: record.stageChangedAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

const asText = (value: unknown): string | null => (value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value));

/** Newest first, as a person reads a history. */
export function toApplicationChanges(entries: readonly HistoryEntry[]): FundingApplicationChange[] {
  return [...entries].reverse().map((entry) => ({
    at: entry.at,
    byName: entry.byName,
    action: entry.action,
    changes: entry.changes.map((change) => ({ field: change.field, from: asText(change.from), to: asText(change.to) })),
  }));
}
