import { InvalidEventError, PartnerRegisteredV1, createEvent } from '@entente/contracts';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { ROOT_CONTEXT, context, propagation, trace } from '@opentelemetry/api';
import { buildOutboxEntry, pushOutbox, withOutbox } from './outbox-entry';

const event = createEvent(PartnerRegisteredV1, {
  jurisdictionId: 'jur-1',
  aggregateId: 'partner-7',
  source: 'registry',
  payload: { partnerId: 'partner-7', name: 'Porto', kind: 'city', country: 'PT' },
});

describe('buildOutboxEntry', () => {
  beforeAll(() => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });
  afterAll(() => {
    propagation.disable();
    context.disable();
  });

  it('serializes the envelope for its topic, keyed by aggregate id', () => {
    const entry = buildOutboxEntry(event);
    expect(entry).toMatchObject({ eventId: event.eventId, topic: 'registry.partner.v1', key: 'partner-7' });
    expect(JSON.parse(entry.value)).toEqual(event);
    expect(entry.headers['entente-event-type']).toBe('registry.partner.registered');
  });

  it('captures the active trace context at write time', () => {
    const spanContext = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 };
    const entry = context.with(trace.setSpanContext(ROOT_CONTEXT, spanContext), () => buildOutboxEntry(event));
    expect(entry.headers.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
  });

  it('has no trace headers outside a trace', () => {
    expect(buildOutboxEntry(event).headers.traceparent).toBeUndefined();
  });

  it('refuses an envelope whose payload is invalid', () => {
    expect(() => buildOutboxEntry({ ...event, payload: { ...event.payload, country: 'XX' } })).toThrow(InvalidEventError);
  });
});

describe('outbox write helpers', () => {
  const entry = buildOutboxEntry(event);

  it('adds entries to a new document', () => {
    expect(withOutbox({ name: 'Porto' }, [entry])).toEqual({ name: 'Porto', _outbox: [entry] });
  });

  it('appends entries in the same update, keeping other operators and pushes', () => {
    expect(pushOutbox({ $set: { name: 'Porto' }, $push: { aliases: 'Oporto' } }, [entry])).toEqual({
      $set: { name: 'Porto' },
      $push: { aliases: 'Oporto', _outbox: { $each: [entry] } },
    });
  });
});
