import { quoted } from '@entente/errors';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { isWikidataId } from '@entente/contracts';

/**
 * The Wikidata twinning TSV pair (`relations.tsv`: `QID<TAB>QID` directed P190
 * edges; `names.tsv`: `QID<TAB>label`). Parsing streams line by line so the
 * 34k-edge file never has to be one string in memory, and a malformed line is
 * reported with its number instead of aborting the whole import: a person can
 * fix or ignore one bad line, but cannot act on an exception.
 */

/** One directed P190 edge as written in relations.tsv. */
export interface TwinningEdge {
  readonly from: string;
  readonly to: string;
}

/** A line that could not be read; `line` is 1-based as an editor shows it. */
export interface LineProblem {
  readonly line: number;
  readonly reason: string;
}

/** A counterpart of one jurisdiction, however many times the data states the tie. */
export interface TwinTie {
  readonly counterpartQid: string;
  /** The label from names.tsv, or the QID itself when names.tsv lacks one. */
  readonly counterpartLabel: string;
}

/** Lines as a whole string (tests), a stream (files), or any iterable of lines. */
export type LineSource = string | Readable | Iterable<string> | AsyncIterable<string>;

/** The contract's rule (Q and at most 12 digits): an id no partner could store is no tie either. */
export function isWikidataItemId(value: string): boolean {
  return isWikidataId(value);
}

/**
 * Yields each line without its terminator. A Readable goes through readline so
 * memory stays bounded by the longest line, not the file.
 */
export async function* linesOf(source: LineSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    yield* source.split(/\r\n|\n|\r/);
    return;
  }
  const iterable: AsyncIterable<string> | Iterable<string> =
    source instanceof Readable ? createInterface({ input: source, crlfDelay: Infinity }) : source;
  for await (const line of iterable) yield line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Blank lines (a trailing newline, an editor's empty last line) are not problems. */
function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/** A UTF-8 BOM on line 1 would otherwise make the first QID look malformed. */
function withoutBom(text: string, line: number): string {
  return line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseRelationLine(rawText: string, line: number): TwinningEdge | LineProblem | undefined {
  const text = withoutBom(rawText, line);
  if (isBlank(text)) return undefined;
  const fields = text.split('\t');
  if (fields.length !== 2) {
    return { line, reason: `expected two Wikidata ids separated by one tab, found ${fields.length} field(s)` };
  }
  const [from, to] = fields.map((f) => f.trim()) as [string, string];
  for (const qid of [from, to]) {
    if (!isWikidataItemId(qid)) return { line, reason: `${quoted(qid)} is not a Wikidata item id (Q followed by digits)` };
  }
  // A place twinned with itself is a data error, and would become a partner equal to the jurisdiction.
  if (from === to) return { line, reason: `${from} is tied to itself` };
  return { from, to };
}

function isProblem(value: TwinningEdge | LineProblem): value is LineProblem {
  return 'reason' in value;
}

/**
 * Streams the edges of relations.tsv; malformed lines go to `problems` (the
 * caller's array, so it can report them after consuming the edges).
 */
export async function* readRelations(source: LineSource, problems: LineProblem[] = []): AsyncGenerator<TwinningEdge> {
  let line = 0;
  for await (const text of linesOf(source)) {
    line += 1;
    const parsed = parseRelationLine(text, line);
    if (parsed === undefined) continue;
    if (isProblem(parsed)) problems.push(parsed);
    else yield parsed;
  }
}

/** The simple, synchronous string API (tests, small inputs). */
export function parseRelations(text: string): { edges: TwinningEdge[]; problems: LineProblem[] } {
  const edges: TwinningEdge[] = [];
  const problems: LineProblem[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const parsed = parseRelationLine(raw, index + 1);
    if (parsed === undefined) return;
    if (isProblem(parsed)) problems.push(parsed);
    else edges.push(parsed);
  });
  return { edges, problems };
}

export function parseNameLine(rawText: string, line: number): { qid: string; label: string } | LineProblem | undefined {
  const text = withoutBom(rawText, line);
  if (isBlank(text)) return undefined;
  // Only the first tab separates: a label is free text and is kept whole.
  const tab = text.indexOf('\t');
  if (tab < 0) return { line, reason: 'expected a Wikidata id, a tab and a label' };
  const qid = text.slice(0, tab).trim();
  const label = text.slice(tab + 1).replace(/\s+/g, ' ').trim();
  if (!isWikidataItemId(qid)) return { line, reason: `${quoted(qid)} is not a Wikidata item id (Q followed by digits)` };
  if (label.length === 0) return { line, reason: `${qid} has an empty label` };
  return { qid, label };
}

/**
 * Reads names.tsv into a map. When a QID is labelled twice the first label
 * wins, so the result does not depend on anything but the file's order.
 */
export async function readNames(source: LineSource, problems: LineProblem[] = []): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let line = 0;
  for await (const text of linesOf(source)) {
    line += 1;
    const parsed = parseNameLine(text, line);
    if (parsed === undefined) continue;
    if ('reason' in parsed) problems.push(parsed);
    else if (!names.has(parsed.qid)) names.set(parsed.qid, parsed.label);
  }
  return names;
}

function qidNumber(qid: string): number {
  return Number(qid.slice(1));
}

/** Orders QIDs by their number (Q9 before Q10), so lists read the same on every run. */
export function byQid(a: string, b: string): number {
  return qidNumber(a) - qidNumber(b);
}

/**
 * The distinct counterparts of one jurisdiction. The data states most ties in
 * both directions and repeats some lines; a tie is a tie whichever side
 * recorded it, so both directions count and each counterpart appears once.
 * Sorted by QID number so that a re-run yields the same order.
 */
export async function tiesOf(
  jurisdictionQid: string,
  edges: Iterable<TwinningEdge> | AsyncIterable<TwinningEdge>,
  names: ReadonlyMap<string, string> = new Map(),
): Promise<TwinTie[]> {
  const counterparts = new Set<string>();
  for await (const edge of edges) {
    if (edge.from === jurisdictionQid) counterparts.add(edge.to);
    else if (edge.to === jurisdictionQid) counterparts.add(edge.from);
  }
  return [...counterparts]
    .sort(byQid)
    .map((counterpartQid) => ({ counterpartQid, counterpartLabel: names.get(counterpartQid) ?? counterpartQid }));
}

/**
 * The platform-wide catalogue: every distinct place and every distinct
 * undirected tie. Memory matters here (the benchmark allows 300 MB extra for
 * all 34k ties), so places are interned to dense integer indices and ties are
 * kept as packed integers in Sets, not as strings or objects per edge.
 */
export interface PartnerCatalogue {
  /** QID of each place, by index. */
  readonly qids: readonly string[];
  /** Label of each place, by index (the QID when names.tsv lacks one). */
  readonly labels: readonly string[];
  /** Undirected ties as index pairs `[a0, b0, a1, b1, …]`, each with a < b, sorted. */
  readonly ties: Uint32Array;
  readonly tieCount: number;
  readonly qidCount: number;
  /** Distinct directed edges read (duplicate lines counted once). */
  readonly directedEdgeCount: number;
  /** Distinct directed edges whose reverse is also present. */
  readonly reciprocatedEdgeCount: number;
  /** Lines that repeated an edge already read in the same direction. */
  readonly duplicateLineCount: number;
}

/**
 * Indices below 2^26 (67 million places, far beyond Wikidata's twinning graph)
 * let a pair pack into one integer below 2^52, which a JS number holds exactly.
 */
const INDEX_BITS = 2 ** 26;

export async function partnerCatalogue(
  edges: Iterable<TwinningEdge> | AsyncIterable<TwinningEdge>,
  names: ReadonlyMap<string, string> = new Map(),
): Promise<PartnerCatalogue> {
  const indexOf = new Map<string, number>();
  const qids: string[] = [];
  const intern = (qid: string): number => {
    let index = indexOf.get(qid);
    if (index === undefined) {
      index = qids.length;
      if (index >= INDEX_BITS) throw new RangeError(`more than ${INDEX_BITS} distinct places in one catalogue`);
      indexOf.set(qid, index);
      qids.push(qid);
    }
    return index;
  };

  const directed = new Set<number>();
  const undirected = new Set<number>();
  let duplicateLineCount = 0;
  for await (const edge of edges) {
    const from = intern(edge.from);
    const to = intern(edge.to);
    const key = from * INDEX_BITS + to;
    if (directed.has(key)) {
      duplicateLineCount += 1;
      continue;
    }
    directed.add(key);
    undirected.add(from < to ? key : to * INDEX_BITS + from);
  }

  let reciprocatedEdgeCount = 0;
  for (const key of directed) {
    const from = Math.floor(key / INDEX_BITS);
    const to = key % INDEX_BITS;
    if (directed.has(to * INDEX_BITS + from)) reciprocatedEdgeCount += 1;
  }

  const packed = Float64Array.from(undirected).sort();
  const ties = new Uint32Array(packed.length * 2);
  packed.forEach((key, i) => {
    ties[2 * i] = Math.floor(key / INDEX_BITS);
    ties[2 * i + 1] = key % INDEX_BITS;
  });

  return {
    qids,
    labels: qids.map((qid) => names.get(qid) ?? qid),
    ties,
    tieCount: packed.length,
    qidCount: qids.length,
    directedEdgeCount: directed.size,
    reciprocatedEdgeCount,
    duplicateLineCount,
  };
}
