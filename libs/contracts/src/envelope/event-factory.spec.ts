import { z } from 'zod';
import { EVENT_CATALOG } from '../event-catalog';
import { PartnerRegisteredV1 } from '../registry/partner-registered.v1';
import { defineEvent, isEventOf } from './event-definition';
import { createEvent, parseEvent, parseEventAs } from './event-factory';
import { InvalidEventError } from './invalid-event.error';

const validInput = {
  jurisdictionId: 'jur-lyon',
  aggregateId: 'partner-1',
  source: 'registry',
  payload: { partnerId: 'partner-1', name: 'Ville de Québec', kind: 'city' as const, country: 'CA' },
};

function rejection(fn: () => unknown): InvalidEventError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
  throw new Error('expected an InvalidEventError');
}

describe('createEvent', () => {
  it('fills ids and timestamps and starts a causal chain', () => {
    const event = createEvent(PartnerRegisteredV1, validInput);
    expect(event).toMatchObject({ type: 'registry.partner.registered', version: 1, source: 'registry', causationId: null });
    expect(event.correlationId).toBe(event.eventId);
    expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
  });

  it('keeps the given correlation and causation', () => {
    const event = createEvent(PartnerRegisteredV1, { ...validInput, correlationId: 'corr-1', causationId: 'cause-1' });
    expect(event).toMatchObject({ correlationId: 'corr-1', causationId: 'cause-1' });
  });

  it('refuses a payload that breaks the schema, naming each field', () => {
    const error = rejection(() =>
      createEvent(PartnerRegisteredV1, { ...validInput, payload: { ...validInput.payload, kind: 'castle' as 'city', country: 'UK' } }),
    );
    expect(error.reason).toBe('invalid-payload');
    expect(error.message).toContain('registry.partner.registered v1');
    expect(error.issues.some((i) => i.startsWith('payload.kind:'))).toBe(true);
    expect(error.issues).toContain('payload.country: must be an ISO 3166-1 alpha-2 code such as FR');
  });

  it('refuses an empty jurisdiction', () => {
    expect(rejection(() => createEvent(PartnerRegisteredV1, { ...validInput, jurisdictionId: '' })).reason).toBe('invalid-envelope');
  });
});

describe('parseEvent', () => {
  const event = createEvent(PartnerRegisteredV1, validInput);

  it('round-trips a serialized event from a Buffer', () => {
    const parsed = parseEvent(Buffer.from(JSON.stringify(event)));
    expect(parsed).toEqual(event);
    expect(isEventOf(PartnerRegisteredV1, parsed)).toBe(true);
  });

  it('names malformed JSON', () => {
    expect(rejection(() => parseEvent('{not json')).reason).toBe('malformed-json');
  });

  it('names envelope fields that are missing or wrong', () => {
    const error = rejection(() => parseEvent({ ...event, eventId: 'nope', occurredAt: undefined }));
    expect(error.reason).toBe('invalid-envelope');
    expect(error.issues.map((i) => i.split(':')[0]).sort()).toEqual(['eventId', 'occurredAt']);
  });

  it('rejects a (type, version) that has no definition', () => {
    const error = rejection(() => parseEvent({ ...event, version: 9 }));
    expect(error.reason).toBe('unknown-event');
    expect(error.message).toContain('registry.partner.registered v9');
  });

  it('validates the payload on consume too', () => {
    const error = rejection(() => parseEvent({ ...event, payload: { ...event.payload, country: 'ZZ' } }));
    expect(error.reason).toBe('invalid-payload');
  });

  it('accepts extra definitions through a derived catalog', () => {
    const TestEvent = defineEvent({ type: 'test.thing.happened', version: 2, topic: 'test.thing.v2', schema: z.object({ n: z.number() }) });
    const raw = createEvent(TestEvent, { ...validInput, payload: { n: 1 } });
    expect(parseEvent(raw, EVENT_CATALOG.with(TestEvent)).payload).toEqual({ n: 1 });
    expect(rejection(() => parseEventAs(PartnerRegisteredV1, raw)).reason).toBe('unknown-event');
  });
});
