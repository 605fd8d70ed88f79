import { z } from 'zod';
import { defineEvent } from '../envelope/event-definition';
import { TOPICS } from '../topics';

const count = z.number().int().nonnegative();

/**
 * A scouting run of one source ended (succeeded, not modified since the last
 * run, or failed as a whole): what it read and did. Keyed by source id, in the
 * envelope of jurisdiction PLATFORM_WIDE. Alerts can wait for it to send a
 * digest of what one run found.
 */
export const ScoutingRunFinishedV1 = defineEvent({
  type: 'funding.scouting-run.finished',
  version: 1,
  topic: TOPICS.fundingScouting,
  schema: z.strictObject({
    runId: z.string().min(1),
    sourceId: z.string().min(1),
    status: z.enum(['succeeded', 'not-modified', 'failed']),
    counts: z.strictObject({ read: count, new: count, changed: count, unchanged: count, skipped: count, errors: count }),
    durationMs: count,
    failure: z.string().max(2000).nullable(),
  }),
});

export type ScoutingRunFinishedV1Payload = z.output<typeof ScoutingRunFinishedV1.schema>;
