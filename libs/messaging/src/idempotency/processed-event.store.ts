import { type Connection, type Model, Schema } from 'mongoose';
import { isDuplicateKeyError } from '@entente/errors';

interface ProcessedEvent {
  consumer: string;
  eventId: string;
  type: string;
  version: number;
  processedAt: Date;
}

const processedEventSchema = new Schema<ProcessedEvent>(
  {
    consumer: { type: String, required: true },
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    version: { type: Number, required: true },
    processedAt: { type: Date, required: true },
  },
  { collection: 'processed_events', versionKey: false },
);
// The unique index is what makes idempotency hold under concurrent redelivery,
// and unique indexes are honoured by every MongoDB-wire server we run on.
processedEventSchema.index({ consumer: 1, eventId: 1 }, { unique: true });

/**
 * Which events each consumer (group) has already handled. The marker is
 * written after the handler succeeds, so a crash between the handler's effect
 * and the marker redelivers the event: handlers must themselves be idempotent
 * (upserts keyed by the event's aggregate or id), this store only spares the
 * common case of redelivery after a rebalance or an outbox republish.
 */
export class ProcessedEventStore {
  private readonly model: Model<ProcessedEvent>;

  constructor(connection: Connection) {
    this.model =
      (connection.models.ProcessedEvent as Model<ProcessedEvent> | undefined) ??
      connection.model<ProcessedEvent>('ProcessedEvent', processedEventSchema);
  }

  /**
   * Waits for the unique index; call before consuming so the first duplicates
   * are already caught. `Model.init()` is the same build mongoose starts when
   * the model is compiled: a second, concurrent createIndexes would race it to
   * create the collection, which the H2 backend of the local server refuses.
   */
  async init(): Promise<void> {
    await this.model.init();
  }

  async isProcessed(consumer: string, eventId: string): Promise<boolean> {
    return (await this.model.exists({ consumer, eventId })) !== null;
  }

  /** Records the event as processed; a concurrent duplicate marker is not an error. */
  async markProcessed(consumer: string, event: { eventId: string; type: string; version: number }): Promise<void> {
    try {
      await this.model.create({ consumer, eventId: event.eventId, type: event.type, version: event.version, processedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
