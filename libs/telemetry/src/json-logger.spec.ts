import { INVALID_SPAN_CONTEXT, ROOT_CONTEXT, context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { JsonLogger } from './json-logger';

describe('JsonLogger', () => {
  const lines: string[] = [];
  const logger = new JsonLogger('registry', (line) => lines.push(line));
  beforeEach(() => lines.splice(0));

  it('writes one JSON object per line with level, service and context', () => {
    logger.log('partner registered', 'PartnerService');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', service: 'registry', msg: 'partner registered', context: 'PartnerService' });
  });

  it('turns a structured context into fields', () => {
    logger.error('outbox publish failed', { eventId: 'e1', topic: 'registry.partner.v1' });
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', msg: 'outbox publish failed', eventId: 'e1', topic: 'registry.partner.v1' });
  });

  it('writes an error the caller caused as one info line without its stack', () => {
    const quiet = new JsonLogger('planning', (line) => lines.push(line), { clientErrorCode: (error) => ((error as { code?: string }).code === 'FORBIDDEN' ? 'FORBIDDEN' : null) });
    quiet.error(Object.assign(new Error('This operation needs one of the roles: executive.'), { code: 'FORBIDDEN' }), 'ExceptionsHandler');
    quiet.error(new Error('connection reset'), 'ExceptionsHandler');
    const [forbidden, unexpected] = lines.map((line) => JSON.parse(line));
    expect(forbidden).toEqual({ time: expect.any(String), level: 'info', service: 'planning', msg: 'answered FORBIDDEN: This operation needs one of the roles: executive.', context: 'ExceptionsHandler' });
    expect(unexpected).toMatchObject({ level: 'error', msg: 'connection reset', context: 'ExceptionsHandler', stack: expect.stringContaining('connection reset') });
  });

  it('carries the active trace id and span id', () => {
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    const tracer = new BasicTracerProvider().getTracer('test');
    try {
      tracer.startActiveSpan('work', (span) => {
        logger.warn('inside a span');
        span.end();
        const entry = JSON.parse(lines[0]);
        expect(entry.trace_id).toBe(span.spanContext().traceId);
        expect(entry.span_id).toBe(span.spanContext().spanId);
      });
    } finally {
      context.disable();
      trace.disable();
    }
  });

  it('writes no trace or span id without a valid span (never all-zero ids)', () => {
    logger.log('outside any span');
    const manager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(manager);
    try {
      // What the API hands out when no SDK is registered or the context was lost.
      context.with(trace.setSpanContext(ROOT_CONTEXT, INVALID_SPAN_CONTEXT), () => logger.log('inside an invalid span'));
    } finally {
      context.disable();
    }
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const entry = JSON.parse(line);
      expect(entry).not.toHaveProperty('trace_id');
      expect(entry).not.toHaveProperty('span_id');
    }
  });

  it('keeps the stack of an error out of the message', () => {
    logger.error(new Error('boom'));
    const entry = JSON.parse(lines[0]);
    expect(entry.msg).toBe('boom');
    expect(entry.stack).toContain('Error: boom');
  });
});
