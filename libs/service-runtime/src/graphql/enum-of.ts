import { registerEnumType } from '@nestjs/graphql';

type Snake<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}_${Snake<Tail>}` : S;

/** A GraphQL enum's names for a list of kebab-case values: `sister-city` is SISTER_CITY. */
export type EnumOf<T extends string> = { readonly [K in T as Uppercase<Snake<K>>]: K };

/**
 * A GraphQL enum made from the list the domain declares (the catalogue, the
 * contract's values), so the values are written once: the names are the
 * values in UPPER_SNAKE case, and resolvers receive the values themselves.
 * `export const X = graphqlEnum('X', VALUES, '…'); export type X = (typeof VALUES)[number];`
 */
export function graphqlEnum<const T extends string>(name: string, values: readonly T[], description: string): EnumOf<T> {
  const enumObject = Object.freeze(Object.fromEntries(values.map((value) => [value.toUpperCase().replace(/-/g, '_'), value]))) as EnumOf<T>;
  registerEnumType(enumObject, { name, description });
  return enumObject;
}
