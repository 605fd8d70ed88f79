import {
  type Context,
  type Span,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  ROOT_CONTEXT,
  trace,
} from '@opentelemetry/api';
import type { MessageHeaders } from '../headers/message-headers';

/**
 * Only @opentelemetry/api is used here: the SDK, its propagator and exporter
 * are registered by each service's telemetry bootstrap. Without one, every call
 * below is a cheap no-op.
 */
const tracer = () => trace.getTracer('@entente/messaging');

/** The W3C trace context (traceparent/tracestate) of `ctx`, as message headers. */
export function injectTraceContext(ctx: Context = context.active()): MessageHeaders {
  const carrier: MessageHeaders = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

export function extractTraceContext(headers: MessageHeaders): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/**
 * Runs `publish` inside a PRODUCER span `<topic> publish` whose parent is
 * `parent`, handing it headers that carry the span's own context, so the
 * consumer's span becomes a child of this one.
 */
export async function withProducerSpan<T>(
  topic: string,
  parent: Context,
  attributes: Record<string, string>,
  publish: (traceHeaders: MessageHeaders) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(
    `${topic} publish`,
    { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.operation.type': 'send', ...attributes } },
    parent,
    async (span) => {
      try {
        return await publish(injectTraceContext());
      } catch (error) {
        recordFailure(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Runs `process` inside a CONSUMER span `<topic> process`, child of the context the producer sent. */
export async function withConsumerSpan<T>(
  topic: string,
  headers: MessageHeaders,
  attributes: Record<string, string | number>,
  process: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(
    `${topic} process`,
    { kind: SpanKind.CONSUMER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.operation.type': 'process', ...attributes } },
    extractTraceContext(headers),
    async (span) => {
      try {
        return await process(span);
      } finally {
        span.end();
      }
    },
  );
}

export function recordFailure(span: Span, error: unknown): void {
  const err = error instanceof Error ? error : new Error(String(error));
  span.recordException(err);
  span.setStatus({ code: SpanStatusCode.ERROR, message: err.message });
}
