/** The keys of a message tree, every leaf a string: a translation's type says it has the same keys as the English. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
