import type { EnvelopeOf, EventDefinition } from '@entente/contracts';
import { EventPattern } from '@nestjs/microservices';

/** How `@OnEvent` names its definitions to KafkaEventServer: `type@1,2`. */
export function eventPattern(definitions: readonly EventDefinition[]): string {
  const [first] = definitions;
  if (!first) throw new Error('@OnEvent needs at least one event definition');
  if (definitions.some((definition) => definition.type !== first.type)) {
    throw new Error(`@OnEvent: one handler per event type (${definitions.map((d) => d.type).join(', ')})`);
  }
  return `${first.type}@${definitions.map((definition) => definition.version).join(',')}`;
}

export function parseEventPattern(pattern: string): { type: string; versions: number[] } | null {
  const match = /^([^@]+)@(\d+(?:,\d+)*)$/.exec(pattern);
  if (!match?.[1] || !match[2]) return null;
  return { type: match[1], versions: match[2].split(',').map(Number) };
}

/** True only when A and B are the same type: a handler must take exactly the versions it is declared for. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type EventHandlerMethod<D> = (event: EnvelopeOf<D>, ...rest: never[]) => unknown;

/**
 * `@OnEvent(PartnerRegisteredV1, PartnerRegisteredV2)`: the method handles
 * those versions of one event type, and only those (another version of the
 * type is not delivered to it). Its first parameter must be typed as exactly
 * the union of their envelopes (`EnvelopeOf<typeof V1 | typeof V2>`), which
 * `event.version` narrows: a handler typed as a version it does not accept,
 * or as fewer versions than it is declared for, does not compile.
 */
export function OnEvent<const D extends readonly EventDefinition[]>(...definitions: D) {
  const pattern = eventPattern(definitions);
  return <M extends EventHandlerMethod<D[number]>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M> & (Same<Parameters<M>[0], EnvelopeOf<D[number]>> extends true ? unknown : { 'the event parameter must be typed as the declared versions': EnvelopeOf<D[number]> }),
  ): void => {
    EventPattern<string>(pattern)(target, key, descriptor);
  };
}
