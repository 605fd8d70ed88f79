import { execFileSync } from 'node:child_process';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLOutputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/**
 * Schema-driven input fuzzing for end-to-end specs: a seeded PRNG, the sites
 * (argument and input-field paths) of an operation, baselines built from the
 * schema types with domain hints, one-field-at-a-time mutations, and response
 * checks. Domain knowledge (which values are valid baselines, which are
 * refusable) stays in the spec; this module only knows GraphQL.
 */

/** mulberry32: small, fast and deterministic, so a printed seed replays a run exactly. */
export class Prng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** Up to `count` distinct items in a seed-determined order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, count);
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  hex(length: number): string {
    return Array.from({ length }, () => this.int(16).toString(16)).join('');
  }

  uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/**
 * The run's seed: ENTENTE_FUZZ_SEED when given (a number replays a run;
 * `random` draws a fresh one), else one read from the commit checked out.
 * Per commit, so a run of a tree can be run again and answer the same
 * (a CI rerun cannot turn red on a draw), while every new commit samples
 * other cases; a tree outside git draws a fresh one.
 */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env, commit: () => string | undefined = checkedOutCommit): number {
  const given = env.ENTENTE_FUZZ_SEED?.trim();
  if (!given) {
    const checkedOut = commit();
    return checkedOut === undefined ? Math.floor(Math.random() * 0xffffffff) : parseInt(checkedOut.slice(0, 8), 16);
  }
  if (given === 'random') return Math.floor(Math.random() * 0xffffffff);
  const seed = Number(given);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`ENTENTE_FUZZ_SEED must be a whole number from 0 to 4294967295, or random (got ${given})`);
  return seed;
}

function checkedOutCommit(): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
  } catch {
    return undefined;
  }
}

/** A value sent verbatim in the JSON body, for numbers JSON.stringify cannot write (1e400). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** In a baseline: leave the argument or field out. */
export const OMIT = Symbol('omit');

export type PathKey = string | number;

/** One place a value goes: an argument, an input field, a list or a list item. */
export interface Site {
  path: PathKey[];
  /** `input.contacts[0].email` */
  label: string;
  /** The field or argument name (list items take their list's name). */
  leaf: string;
  type: GraphQLInputType;
  /** The site is an argument of the operation, not a field inside one. */
  isArgument: boolean;
}

export function labelOf(path: readonly PathKey[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}

/** `input.contacts.email`: the label without list indexes, for looking up hints. */
export function hintKeyOf(path: readonly PathKey[]): string {
  return path.filter((key): key is string => typeof key === 'string').join('.');
}

/** Every site of the variables of one operation, in the order the schema lists them. */
export function sitesOf(field: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): Site[] {
  const sites: Site[] = [];
  const walk = (path: PathKey[], leaf: string, type: GraphQLInputType, value: unknown, isArgument: boolean) => {
    sites.push({ path, label: labelOf(path), leaf, type, isArgument });
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner) && Array.isArray(value) && value.length > 0) {
      walk([...path, 0], leaf, inner.ofType as GraphQLInputType, value[0], false);
    } else if (isInputObjectType(inner) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const child of Object.values(inner.getFields())) {
        if ((value as Record<string, unknown>)[child.name] !== undefined) walk([...path, child.name], child.name, child.type, (value as Record<string, unknown>)[child.name], false);
      }
    }
  };
  for (const arg of field.args) {
    if (variables[arg.name] !== undefined) walk([arg.name], arg.name, arg.type, variables[arg.name], true);
  }
  return sites;
}

/**
 * A baseline from the schema: `hint` answers first for each site (a value,
 * OMIT, or undefined for "build it from the type"); otherwise enums take
 * their first value, lists one item, input objects every field.
 */
export function buildBaseline(
  field: GraphQLField<unknown, unknown>,
  hint: (path: PathKey[], leaf: string, type: GraphQLInputType) => unknown,
): Record<string, unknown> {
  const build = (path: PathKey[], leaf: string, type: GraphQLInputType): unknown => {
    const hinted = hint(path, leaf, type);
    if (hinted !== undefined) return hinted;
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) {
      const item = build([...path, 0], leaf, inner.ofType as GraphQLInputType);
      return item === OMIT ? [] : [item];
    }
    if (isInputObjectType(inner)) {
      const value: Record<string, unknown> = {};
      for (const child of Object.values(inner.getFields())) {
        const built = build([...path, child.name], child.name, child.type);
        if (built !== OMIT) value[child.name] = built;
      }
      return value;
    }
    if (isEnumType(inner)) return inner.getValues()[0]?.value ?? inner.getValues()[0]?.name;
    switch (inner.name) {
      case 'Int':
        return 5;
      case 'Float':
        return 1.5;
      case 'Boolean':
        return false;
      default:
        return `Fuzz ${leaf}`;
    }
  };
  const variables: Record<string, unknown> = {};
  for (const arg of field.args) {
    const built = build([arg.name], arg.name, arg.type);
    if (built !== OMIT) variables[arg.name] = built;
  }
  return variables;
}

/**
 * A value GraphQL's own coercion refuses for `type`, whatever the rules say:
 * text where an input object, enum, number or boolean is expected, an object
 * where text or an id is. A list takes it as its single item.
 */
export function wrongTypeValue(type: GraphQLInputType): unknown {
  const named = getNamedType(type);
  if (isInputObjectType(named)) return 'not an object';
  if (isEnumType(named)) return 'NOT_A_VALUE';
  switch (named.name) {
    case 'Int':
    case 'Float':
      return 'not a number';
    case 'Boolean':
      return 'not a boolean';
    default:
      return { not: 'text' };
  }
}

/** An input object with every field of `type` set to a value of the wrong type: one coercion error per field. */
export function everyFieldWrong(type: GraphQLInputType): Record<string, unknown> {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) throw new Error(`${named.name} is not an input object type`);
  return Object.fromEntries(Object.values(named.getFields()).map((field) => [field.name, wrongTypeValue(field.type)]));
}

export const ABSENT = Symbol('absent');

/** A copy of `root` with the value at `path` replaced (ABSENT removes it). */
export function withValueAt(root: Record<string, unknown>, path: readonly PathKey[], value: unknown): Record<string, unknown> {
  // Baselines are plain JSON; RawJson values only ever replace a value of a copy.
  const copy = structuredClone(root);
  let parent: Record<PathKey, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<PathKey, unknown>;
  const last = path[path.length - 1] as PathKey;
  if (value === ABSENT) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    parent[last] = value;
  }
  return copy;
}

/** The JSON body, with RawJson values written verbatim. */
export function requestBody(query: string, variables: Record<string, unknown>): string {
  const raws: string[] = [];
  const json = JSON.stringify({ query, variables }, (_key, value: unknown) => {
    if (value instanceof RawJson) {
      raws.push(value.text);
      return `__fuzz_raw_${raws.length - 1}__`;
    }
    return value;
  });
  return json.replace(/"__fuzz_raw_(\d+)__"/g, (_match, index: string) => raws[Number(index)] as string);
}

/** `mutation Fuzz($input: AssetInput!, $id: ID!) { updateAsset(input: $input, id: $id) { … } }` */
export function documentFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, selectionDepth = 3): string {
  const declarations = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passes = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = selectionOf(field.type, selectionDepth);
  return `${kind} Fuzz${declarations ? `(${declarations})` : ''} { ${field.name}${passes ? `(${passes})` : ''}${selection ? ` ${selection}` : ''} }`;
}

function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (!isObjectType(named)) return '';
  const parts: string[] = [];
  for (const child of Object.values(named.getFields())) {
    if (child.args.some((arg) => isNonNullType(arg.type))) continue;
    const childNamed = getNamedType(child.type);
    if (isScalarType(childNamed) || isEnumType(childNamed)) parts.push(child.name);
    else if (depth > 1) {
      const nested = selectionOf(child.type, depth - 1);
      if (nested) parts.push(`${child.name} ${nested}`);
    }
  }
  return parts.length > 0 ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

/** Asked of one subgraph directly: the root fields it serves (the supergraph's introspection does not say whose a field is). */
export const SUBGRAPH_ROOT_FIELDS_QUERY = '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }';

interface RootFieldsAnswer {
  __schema: { queryType: { fields: Array<{ name: string }> } | null; mutationType: { fields: Array<{ name: string }> } | null };
}

/** The root fields one subgraph answered with, federation's own (`_service`, `_entities`) left out; no mutation type is none. */
export function rootFieldsOf(answer: RootFieldsAnswer): string[] {
  const { queryType, mutationType } = answer.__schema;
  return [...(queryType?.fields ?? []), ...(mutationType?.fields ?? [])].map((f) => f.name).filter((name) => !name.startsWith('_'));
}

/** Which service answers each root field; a field two subgraphs share (@shareable) is fuzzed once, under the first. */
export function ownersOf(subgraphs: ReadonlyArray<{ service: string; fields: readonly string[] }>): Map<string, string> {
  const owners = new Map<string, string>();
  for (const { service, fields } of subgraphs) for (const field of fields) if (!owners.has(field)) owners.set(field, service);
  return owners;
}

export interface RootOperation {
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  service: string;
}

/** Every root query and mutation of the supergraph with the service that answers it (queries without arguments too: their one case is the baseline). */
export function rootOperations(schema: GraphQLSchema, owners: ReadonlyMap<string, string>): RootOperation[] {
  const operations: RootOperation[] = [];
  for (const [kind, type] of [
    ['mutation', schema.getMutationType()],
    ['query', schema.getQueryType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const service = owners.get(field.name);
      if (service !== undefined) operations.push({ kind, field, service });
    }
  }
  return operations;
}

/** Root fields of the supergraph no subgraph said it serves: they would go unfuzzed. */
export function unownedRootFields(schema: GraphQLSchema, owners: ReadonlyMap<string, string>): string[] {
  const fields = [...Object.values(schema.getQueryType()?.getFields() ?? {}), ...Object.values(schema.getMutationType()?.getFields() ?? {})];
  return fields.map((f) => f.name).filter((name) => !name.startsWith('_') && !owners.has(name));
}

/**
 * Keys of per-service tables (`operation.path`) that name no operation of
 * their service: a renamed operation, or an entry put in another service's
 * table. One line per key, saying where the operation is, if anywhere.
 */
export function misplacedKeys(tables: Readonly<Record<string, readonly string[]>>, owners: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  for (const [service, keys] of Object.entries(tables)) {
    for (const key of keys) {
      const operation = key.split('.')[0] as string;
      const owner = owners.get(operation);
      if (owner === service) continue;
      lines.push(owner === undefined ? `${service}: '${key}' names ${operation}, which no service has` : `${service}: '${key}' names ${operation}, which is ${owner}'s: move it to ${owner}'s table`);
    }
  }
  return lines;
}

/**
 * The table key (`operation.path` without list indexes) of a field a server
 * named: `contacts[0].notes` of registerPartner is `registerPartner.input.contacts.notes`
 * when the rules name fields inside the `input` argument.
 */
export function baselineKeyFor(field: GraphQLField<unknown, unknown>, named: string): string {
  const tokens = named.split(/[.[\]]+/).filter((t) => t !== '' && !/^\d+$/.test(t));
  const first = tokens[0];
  if (first === undefined || field.args.some((arg) => arg.name === first)) return [field.name, ...tokens].join('.');
  const holder = field.args.find((arg) => {
    const type = getNamedType(arg.type);
    return isInputObjectType(type) && first in type.getFields();
  });
  return [field.name, ...(holder ? [holder.name] : []), ...tokens].join('.');
}

/**
 * Up to `max` items, keeping at least one of every group and every item
 * `keep` holds to; the rest a seed-determined sample. Order is kept.
 */
export function capPerGroup<T>(items: readonly T[], max: number, groupOf: (item: T) => string, keep: (item: T) => boolean, random: Prng): T[] {
  if (items.length <= max) return [...items];
  const chosen = new Set<T>();
  const groups = new Set<string>();
  for (const item of items) {
    if (keep(item) || !groups.has(groupOf(item))) chosen.add(item);
    groups.add(groupOf(item));
  }
  const rest = random.shuffle(items.filter((item) => !chosen.has(item)));
  for (const item of rest.slice(0, Math.max(0, max - chosen.size))) chosen.add(item);
  return items.filter((item) => chosen.has(item));
}

/** Record ids (values of fields named `id`) in an answer that look made for a record: UUIDs and ObjectIds, not catalogue slugs every jurisdiction shares. */
export function recordIdsIn(data: unknown): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'id' && typeof child === 'string' && RECORD_ID.test(child)) ids.add(child);
        else visit(child);
      }
    }
  };
  visit(data);
  return [...ids];
}

const RECORD_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})$/i;

/** Markers of another jurisdiction that an answer holds although its request did not send them. */
export function leakedMarkers(answer: string, request: string, markers: Iterable<string>): string[] {
  return [...new Set(markers)].filter((marker) => marker !== '' && answer.includes(marker) && !request.includes(marker));
}

/** A bounded pool: at most `limit` tasks at a time, results in input order. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  });
  await Promise.all(workers);
  return results;
}

export interface RawResponse {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message?: string; extensions?: Record<string, unknown> }> } | null;
}

/** Lines that look like a stack frame or a source location: never for a client. */
const STACK_PATTERNS: ReadonlyArray<RegExp> = [
  /\bat (?:async )?[\w$.<>[\]]+ \([^)]*:\d+:\d+\)/,
  /\bat (?:\/|file:)[^\s)]*:\d+:\d+/,
  /\\n\s+at /,
  /[\w-]+\.(?:ts|js|mjs|cjs):\d+/,
  /stacktrace/i,
  /node_modules/,
];

/** Problems with one response that no input may cause; an empty list when it is fine. */
export function responseProblems(response: RawResponse, clientCodes: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  if (response.body === null) {
    problems.push(`not a GraphQL JSON answer (HTTP ${response.status}): ${response.text.slice(0, 200)}`);
    return problems;
  }
  if (response.text.includes('INTERNAL_SERVER_ERROR')) problems.push(`INTERNAL_SERVER_ERROR: ${(response.body.errors ?? []).map((e) => e.message).join(' | ').slice(0, 300)}`);
  const stack = STACK_PATTERNS.find((pattern) => pattern.test(response.text));
  if (stack) problems.push(`stack-trace-looking text (${stack.source}): ${response.text.match(stack)?.[0]}`);
  for (const error of response.body.errors ?? []) {
    const code = error.extensions?.['code'];
    if (code === 'INTERNAL_SERVER_ERROR') continue;
    if (typeof code !== 'string' || !clientCodes.has(code)) problems.push(`error without a client code (${String(code)}): ${String(error.message).slice(0, 200)}`);
  }
  if (!response.body.errors?.length && (response.body.data === null || response.body.data === undefined)) problems.push('neither data nor errors');
  return problems;
}
