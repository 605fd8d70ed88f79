import { defineEvent, type EnvelopeOf } from '@entente/contracts';
import { z } from 'zod';
import { eventPattern, OnEvent, parseEventPattern } from './on-event.decorator';

const ThingV1 = defineEvent({ type: 'test.thing.made', version: 1, topic: 'test.thing.v1', schema: z.object({ name: z.string() }) });
const ThingV2 = defineEvent({ type: 'test.thing.made', version: 2, topic: 'test.thing.v1', schema: z.object({ name: z.string(), country: z.string() }) });
const Other = defineEvent({ type: 'test.other.made', version: 1, topic: 'test.other.v1', schema: z.object({ n: z.number() }) });

describe('OnEvent', () => {
  it('names the type and exactly the versions the handler accepts', () => {
    expect(eventPattern([ThingV1, ThingV2])).toBe('test.thing.made@1,2');
    expect(parseEventPattern('test.thing.made@1,2')).toEqual({ type: 'test.thing.made', versions: [1, 2] });
    expect(parseEventPattern('test.thing.made')).toBeNull();
  });

  it('refuses one handler for two event types', () => {
    expect(() => eventPattern([ThingV1, Other])).toThrow('one handler per event type');
  });

  // These run under `npm run typecheck`: each @ts-expect-error fails the typecheck if the declaration below it compiles.
  it('types the handler as the union of its versions, narrowed by version', () => {
    class Handlers {
      seen: string[] = [];

      @OnEvent(ThingV1, ThingV2)
      both(event: EnvelopeOf<typeof ThingV1 | typeof ThingV2>): void {
        // Narrowed by version: only v2 has a country.
        this.seen.push(event.version === 2 ? `${event.payload.name}/${event.payload.country}` : event.payload.name);
      }

      // @ts-expect-error a handler declared for v1 cannot take its event typed as v2
      @OnEvent(ThingV1)
      wrongVersion(event: EnvelopeOf<typeof ThingV2>): void {
        this.seen.push(event.payload.country);
      }

      // @ts-expect-error a handler declared for v1 and v2 cannot take its event typed as v1 only
      @OnEvent(ThingV1, ThingV2)
      tooNarrow(event: EnvelopeOf<typeof ThingV1>): void {
        this.seen.push(event.payload.name);
      }
    }
    const handlers = new Handlers();
    handlers.both({ ...envelope(), type: 'test.thing.made', version: 2, payload: { name: 'a', country: 'DK' } });
    expect(handlers.seen).toEqual(['a/DK']);
  });
});

function envelope() {
  return { eventId: 'e-1', source: 'spec', jurisdictionId: 'j-1', aggregateId: 'a-1', occurredAt: new Date().toISOString(), correlationId: 'e-1', causationId: null };
}
