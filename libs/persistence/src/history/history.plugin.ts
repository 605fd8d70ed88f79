import { Schema } from 'mongoose';

export const HISTORY_FIELD = '_history';

// Untyped: the recursive HistoryValue of from/to is too deep for mongoose's schema types.
const FieldChangeSchema = new Schema(
  {
    field: { type: String, required: true },
    from: { type: Schema.Types.Mixed, default: null },
    to: { type: Schema.Types.Mixed, default: null },
  },
  { _id: false, minimize: false },
);

const HistoryEntrySchema = new Schema(
  {
    at: { type: Date, required: true },
    by: { type: String, required: true },
    byName: { type: String, required: true },
    action: { type: String, required: true },
    changes: { type: [FieldChangeSchema], default: [] },
    writeId: { type: String, default: undefined },
  },
  { _id: false },
);

/**
 * Adds the `_history` array to a record schema. `select: false` keeps it out
 * of ordinary reads (lists, views); the history query selects it explicitly.
 */
export function historyPlugin(schema: Schema): void {
  schema.add({ [HISTORY_FIELD]: { type: [HistoryEntrySchema], default: [], select: false } });
}
