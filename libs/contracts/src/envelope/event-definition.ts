import type { z } from 'zod';
import type { EventEnvelope } from './event-envelope';

/**
 * Everything producers and consumers must agree on for one event version: its
 * type, version, topic and payload schema live together so they cannot drift.
 */
export interface EventDefinition<P = unknown, T extends string = string, V extends number = number> {
  readonly type: T;
  readonly version: V;
  readonly topic: string;
  readonly schema: z.ZodType<P>;
}

export function defineEvent<const T extends string, const V extends number, S extends z.ZodType>(definition: {
  type: T;
  version: V;
  topic: string;
  schema: S;
}): EventDefinition<z.output<S>, T, V> {
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new Error(`${definition.type}: version must be a positive integer`);
  }
  return Object.freeze({ ...definition, schema: definition.schema as z.ZodType<z.output<S>> });
}

/** The payload type an event definition carries. */
export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;

/**
 * The envelope of one definition, with its type and version as literals: for
 * a union of definitions, a union of envelopes that `event.version` narrows.
 */
export type EnvelopeOf<D> =
  D extends EventDefinition<infer P, infer T, infer V> ? Omit<EventEnvelope<P>, 'type' | 'version'> & { readonly type: T; readonly version: V } : never;

/** "registry.partner.registered v1": how events are named in logs and errors. */
export function eventLabel(type: string, version: number): string {
  return `${type} v${version}`;
}

/** Narrows an envelope that was parsed generically to one definition's payload type. */
export function isEventOf<P>(definition: EventDefinition<P>, envelope: EventEnvelope): envelope is EventEnvelope<P> {
  return envelope.type === definition.type && envelope.version === definition.version;
}
