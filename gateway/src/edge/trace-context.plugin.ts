import { type Context, context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

const tracer = trace.getTracer('@entente/gateway');

/**
 * Spans the gateway opens, per incoming request. Keyed by the Request object
 * rather than the active context: the runtime's hooks do not all run inside
 * the same async context, the request object is the one thing they share.
 */
const spans = new WeakMap<Request, { span: Span; context: Context }>();

function headersToCarrier(headers: Headers): Record<string, string> {
  const carrier: Record<string, string> = {};
  headers.forEach((value, key) => {
    carrier[key] = value;
  });
  return carrier;
}

/**
 * A SERVER span `gateway <operationName>` around each GraphQL request, child
 * of the caller's `traceparent` when it sent one. Uses only the API: without a
 * registered SDK it is a no-op apart from passing the caller's context on.
 */
export function traceContextPlugin(): GatewayPlugin {
  return {
    onParams({ params, request }) {
      if (spans.has(request)) return;
      // Under the SDK the HTTP instrumentation has already opened the request's server span: continue it.
      // Without it (tests without an SDK), continue the caller's traceparent.
      const active = context.active();
      const parent = trace.getSpan(active) ? active : propagation.extract(ROOT_CONTEXT, headersToCarrier(request.headers));
      const operationName = params.operationName ?? operationNameIn(params.query) ?? 'anonymous';
      const span = tracer.startSpan(
        `gateway ${operationName}`,
        { kind: trace.getSpan(active) ? SpanKind.INTERNAL : SpanKind.SERVER, attributes: { 'graphql.operation.name': operationName } },
        parent,
      );
      spans.set(request, { span, context: trace.setSpan(parent, span) });
    },
    onResponse({ request, response }) {
      const entry = spans.get(request);
      if (!entry) return;
      spans.delete(request);
      entry.span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 500) entry.span.setStatus({ code: SpanStatusCode.ERROR });
      entry.span.end();
    },
  };
}

/** `traceparent`/`tracestate` for a subgraph request made on behalf of `request`. */
export function traceHeadersFor(request: Request): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(spans.get(request)?.context ?? ROOT_CONTEXT, carrier);
  return carrier;
}

/** The name of the first named operation in the document, when the client did not send operationName. */
function operationNameIn(query: unknown): string | undefined {
  return typeof query === 'string' ? /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1] : undefined;
}
