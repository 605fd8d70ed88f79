import { Injectable } from '@nestjs/common';
import { OpportunityClosedV1, OpportunityClosingSoonV1 } from '@entente/contracts';
import { eventDraft } from '@entente/persistence';
import { contentHashOf, contentOf, opportunityState } from '../opportunities/opportunity-changes';
import { type OpportunityWrite, OpportunityRepository, type StoredOpportunity } from '../opportunities/opportunity.repository';

/** An open call is "closing soon" this many days before its deadline. */
export const CLOSING_SOON_DAYS = 14;

/** The most live records one sweep looks at (far more than any source lists open at once). */
const SWEEP_LIMIT = 50_000;

const DAY_MS = 86_400_000;

export interface SweepOutcome {
  closed: number;
  closingSoon: number;
}

/**
 * The transitions time makes without a source saying anything: an open call
 * whose deadline passed is closed (a new version, one closed event), and one
 * whose deadline is within CLOSING_SOON_DAYS gets one closing-soon event per
 * deadline. Every write is guarded by the state it was decided on, so two
 * replicas sweeping at once emit each event once.
 */
@Injectable()
export class DeadlineSweep {
  constructor(private readonly opportunities: OpportunityRepository) {}

  async sweep(now: Date, runId: string, sourceId?: string): Promise<SweepOutcome> {
    const live = await this.opportunities.live({ sourceId, limit: SWEEP_LIMIT });
    const writes: OpportunityWrite[] = [];
    const outcome: SweepOutcome = { closed: 0, closingSoon: 0 };
    for (const opportunity of live) {
      const write = transitionOf(opportunity, now, runId);
      if (!write) continue;
      writes.push({ ...write.write, outbox: this.opportunities.outboxEntries([write.event]) });
      outcome[write.kind] += 1;
    }
    for (let start = 0; start < writes.length; start += 500) await this.opportunities.apply(writes.slice(start, start + 500));
    return outcome;
  }
}

/** The transition due for one live record at `now`, if any. Pure. */
export function transitionOf(opportunity: StoredOpportunity, now: Date, runId: string) {
  const closesAt = opportunity.closesAt;
  if (opportunity.status !== 'open' || !closesAt) return null;
  if (closesAt.getTime() < now.getTime()) {
    const version = opportunity.version + 1;
    const after = { ...opportunity, status: 'closed' as const, version, updatedAt: now };
    return {
      kind: 'closed' as const,
      event: eventDraft(OpportunityClosedV1, { aggregateId: opportunity.opportunityId, payload: opportunityState(after) }),
      write: {
        kind: 'update' as const,
        opportunityId: opportunity.opportunityId,
        expectVersion: opportunity.version,
        set: { status: 'closed' as const, contentHash: contentHashOf(contentOf(after)), version, updatedAt: now, lastRunId: runId },
        version: { version, seenAt: now, runId, changes: [{ field: 'status' as const, from: 'open', to: 'closed' }] },
      },
    };
  }
  const daysLeft = Math.ceil((closesAt.getTime() - now.getTime()) / DAY_MS);
  if (daysLeft > CLOSING_SOON_DAYS || opportunity.closingSoonFor?.getTime() === closesAt.getTime()) return null;
  return {
    kind: 'closingSoon' as const,
    event: eventDraft(OpportunityClosingSoonV1, { aggregateId: opportunity.opportunityId, payload: { ...opportunityState(opportunity), daysLeft } }),
    write: {
      kind: 'update' as const,
      opportunityId: opportunity.opportunityId,
      expectVersion: opportunity.version,
      guard: { closingSoonFor: opportunity.closingSoonFor },
      set: { closingSoonFor: closesAt },
      version: null,
    },
  };
}
