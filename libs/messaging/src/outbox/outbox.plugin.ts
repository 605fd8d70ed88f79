import { Schema } from 'mongoose';
import { OUTBOX_FIELD } from './outbox-entry';

const outboxEntrySchema = new Schema(
  {
    eventId: { type: String, required: true },
    topic: { type: String, required: true },
    key: { type: String, required: true },
    value: { type: String, required: true },
    // Mixed rather than Map: header names are free-form and read back as a plain object.
    headers: { type: Schema.Types.Mixed, default: {} },
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * Adds the `_outbox` array to an aggregate schema. Pending events are written
 * in the same single-document write as the state change they describe, so the
 * two commit together or not at all without multi-document transactions
 * (which mongo-java-server lacks). `select: false` keeps the outbox out of
 * ordinary reads; OutboxRelay reads it through the driver.
 */
export function outboxPlugin(schema: Schema): void {
  schema.add({ [OUTBOX_FIELD]: { type: [outboxEntrySchema], default: [], select: false } });
}
