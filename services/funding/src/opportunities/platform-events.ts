import { createEvent, type EventDefinition, PLATFORM_WIDE } from '@entente/contracts';
import { buildOutboxEntry, currentLineage, type OutboxEntry } from '@entente/messaging';
import type { EventDraft } from '@entente/persistence';

/**
 * Outbox entries for events about platform-wide records (opportunities,
 * scouting runs), which belong to no jurisdiction: their envelope names
 * PLATFORM_WIDE, the service as source and the lineage of the work running.
 */
export function platformOutboxEntries(source: string, drafts: readonly EventDraft[]): OutboxEntry[] {
  const lineage = currentLineage();
  return drafts.map((draft) =>
    buildOutboxEntry(
      createEvent(draft.definition as EventDefinition<unknown>, {
        source,
        jurisdictionId: PLATFORM_WIDE,
        aggregateId: draft.aggregateId,
        payload: draft.payload,
        correlationId: lineage?.correlationId,
        causationId: lineage?.causationId ?? null,
      }),
    ),
  );
}
