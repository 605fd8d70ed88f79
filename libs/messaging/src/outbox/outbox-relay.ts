import type { Collection, mongo } from 'mongoose';
import { PeriodicPass } from '@entente/periodic';
import { HEADERS } from '../headers/message-headers';
import { type MessagingLogger, jsonConsoleLogger } from '../messaging-logger';
import type { EventPublisher } from '../producer/event-publisher';
import { extractTraceContext, withProducerSpan } from '../tracing/trace-context';
import { type RelayFault, crashNow, relayFaultFrom } from './fault-injection';
import { OUTBOX_FIELD, type OutboxEntry } from './outbox-entry';

/** Any mongoose model whose schema uses outboxPlugin satisfies this. */
export interface OutboxSource {
  readonly modelName: string;
  readonly collection: Collection;
}

export interface OutboxRelayOptions {
  sources: readonly OutboxSource[];
  publisher: EventPublisher;
  /** Poll period; kick() drains sooner after a local write. Default 200 ms. */
  intervalMs?: number;
  /** Aggregates read per source per pass. Default 100. */
  batchSize?: number;
  logger?: MessagingLogger;
  /** Test-only; defaults to what ENTENTE_FAULT_INJECTION says. */
  fault?: RelayFault;
}

/**
 * Publishes the events that aggregates hold in their `_outbox`, then removes
 * each one by eventId. Publish happens before removal, so a crash in between
 * republishes on restart (at-least-once); consumers' processed_events makes
 * that exactly-once in effect. Entries of one aggregate go out in order and a
 * failure stops that aggregate's pass, so its events are never reordered.
 * Several relay replicas may run: they can publish an entry twice, never lose one.
 */
export class OutboxRelay {
  private readonly logger: MessagingLogger;
  private readonly batchSize: number;
  private readonly fault?: RelayFault;
  private readonly passes: PeriodicPass;

  constructor(private readonly options: OutboxRelayOptions) {
    this.logger = options.logger ?? jsonConsoleLogger;
    this.batchSize = options.batchSize ?? 100;
    this.fault = options.fault ?? relayFaultFrom();
    this.passes = new PeriodicPass({
      everyMs: options.intervalMs ?? 200,
      run: async () => {
        for (const source of this.options.sources) await this.drainSource(source);
      },
      onError: (error) => this.logger.error('outbox relay pass failed', { error: error.message }),
    });
  }

  start(): void {
    if (this.passes.started) return;
    this.passes.start();
    this.kick();
  }

  /** Stops polling and waits for the pass in progress, so shutdown never cuts a publish short. */
  stop(): Promise<void> {
    return this.passes.stop();
  }

  /** Drains now instead of at the next tick; call after a write that added outbox entries. */
  kick(): void {
    this.passes.kick();
  }

  private async drainSource(source: OutboxSource): Promise<void> {
    const documents = await source.collection
      .find({ [`${OUTBOX_FIELD}.0`]: { $exists: true } }, { projection: { [OUTBOX_FIELD]: 1 } })
      .limit(this.batchSize)
      .toArray();
    for (const document of documents) {
      for (const entry of readEntries(document[OUTBOX_FIELD])) {
        try {
          await this.publish(entry);
        } catch (error) {
          this.logger.error('outbox publish failed; will retry', { model: source.modelName, eventId: entry.eventId, topic: entry.topic, error: (error as Error).message });
          break;
        }
        if (this.fault === 'relay-exit-after-publish') crashNow();
        await outboxView(source).updateOne({ _id: document._id }, { $pull: { [OUTBOX_FIELD]: { eventId: entry.eventId } } });
      }
    }
  }

  private async publish(entry: OutboxEntry): Promise<void> {
    // The span continues the trace of the request that wrote the aggregate, not the relay's timer.
    const parent = extractTraceContext(entry.headers);
    const { [HEADERS.traceparent]: _parent, [HEADERS.tracestate]: _state, ...headers } = entry.headers;
    await withProducerSpan(entry.topic, parent, { 'messaging.message.id': entry.eventId }, (traceHeaders) =>
      this.options.publisher.send({ topic: entry.topic, key: entry.key, value: entry.value, headers: { ...headers, ...traceHeaders } }),
    );
  }
}

/** The aggregate's collection seen only through its outbox field, so the driver can type the $pull. */
function outboxView(source: OutboxSource): mongo.Collection<{ [OUTBOX_FIELD]: OutboxEntry[] }> {
  return source.collection as unknown as mongo.Collection<{ [OUTBOX_FIELD]: OutboxEntry[] }>;
}

/** Driver reads are untyped; entries written by hand or by an older version are skipped rather than crash the relay. */
function readEntries(raw: unknown): OutboxEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isOutboxEntry).sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  const entry = value as Partial<OutboxEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.eventId === 'string' &&
    typeof entry.topic === 'string' &&
    typeof entry.key === 'string' &&
    typeof entry.value === 'string' &&
    typeof entry.headers === 'object' &&
    entry.headers !== null
  );
}
