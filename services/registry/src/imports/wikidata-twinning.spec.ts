import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LineProblem, parseRelations, partnerCatalogue, readNames, readRelations, tiesOf, TwinningEdge } from './wikidata-twinning';

// The shared data sits beside the repository (CI clones it as a sibling too).
const DATA = join(__dirname, '../../../../../shared/data/wikidata-twinning');
const RELATIONS = join(DATA, 'relations.tsv');
const NAMES = join(DATA, 'names.tsv');

/** Read independently of the code under test: plain split on lines and tabs. */
function rawEdges(): Array<[string, string]> {
  return readFileSync(RELATIONS, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t') as [string, string]);
}

function rawNames(): Map<string, string> {
  return new Map(
    readFileSync(NAMES, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => {
        const tab = l.indexOf('\t');
        return [l.slice(0, tab), l.slice(tab + 1)] as [string, string];
      }),
  );
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('parsing relations.tsv', () => {
  it('reads QID pairs and reports malformed lines with their number and reason, never throwing', () => {
    const text = ['\uFEFFQ1\tQ2', 'Q2\tQ1', 'Q3 Q4', 'Q5\tBerlin', 'Q6\tQ7\tQ8', '', 'Q9\tQ9', 'q10\tQ11', 'Q12\tQ13', `Q14\tQ${'9'.repeat(13)}`, ''].join('\r\n');
    const { edges, problems } = parseRelations(text);
    expect(edges).toEqual([
      { from: 'Q1', to: 'Q2' },
      { from: 'Q2', to: 'Q1' },
      { from: 'Q12', to: 'Q13' },
    ]);
    expect(problems).toEqual([
      { line: 3, reason: expect.stringContaining('found 1 field') },
      { line: 4, reason: '"Berlin" is not a Wikidata item id (Q followed by digits)' },
      { line: 5, reason: expect.stringContaining('found 3 field') },
      { line: 7, reason: 'Q9 is tied to itself' },
      { line: 8, reason: '"q10" is not a Wikidata item id (Q followed by digits)' },
      // Longer than any id a partner may store (the contract's Q and at most 12 digits).
      { line: 10, reason: `"Q${'9'.repeat(13)}" is not a Wikidata item id (Q followed by digits)` },
    ]);
  });

  it('streams a Readable and an async iterable of lines alike', async () => {
    const problems: LineProblem[] = [];
    const fromStream = await collect(readRelations(Readable.from(['Q1\tQ2\r\nQ3', '\tQ4\nbad\n']), problems));
    expect(fromStream).toEqual([
      { from: 'Q1', to: 'Q2' },
      { from: 'Q3', to: 'Q4' },
    ]);
    expect(problems).toEqual([{ line: 3, reason: expect.any(String) }]);

    async function* lines(): AsyncGenerator<string> {
      yield 'Q1\tQ2';
      yield 'Q2\tQ3';
    }
    expect(await collect(readRelations(lines()))).toHaveLength(2);
  });
});

describe('parsing names.tsv', () => {
  it('keeps labels with commas, quotes, tabs and other scripts whole', async () => {
    const problems: LineProblem[] = [];
    const names = await readNames('Q1\tFrankfurt am Main, Stadt\nQ2\t"Big" Apple\nQ3\t北京市\nQ4\tA\tB\nQ5\t  \nnope\nQ1\tSecond label\n', problems);
    expect([...names]).toEqual([
      ['Q1', 'Frankfurt am Main, Stadt'],
      ['Q2', '"Big" Apple'],
      ['Q3', '北京市'],
      ['Q4', 'A B'],
    ]);
    expect(problems.map((p) => p.line)).toEqual([5, 6]);
  });
});

describe('tiesOf', () => {
  it('counts a tie once whichever direction states it and however often', async () => {
    const edges: TwinningEdge[] = [
      { from: 'Q10', to: 'Q2' },
      { from: 'Q2', to: 'Q10' },
      { from: 'Q10', to: 'Q2' },
      { from: 'Q3', to: 'Q10' },
      { from: 'Q3', to: 'Q4' },
    ];
    expect(await tiesOf('Q10', edges, new Map([['Q2', 'Zwei']]))).toEqual([
      { counterpartQid: 'Q2', counterpartLabel: 'Zwei' },
      { counterpartQid: 'Q3', counterpartLabel: 'Q3' },
    ]);
  });

  describe('Rostock (Q2861) in the real shared data', () => {
    let ties: Awaited<ReturnType<typeof tiesOf>>;
    let problems: LineProblem[];
    beforeAll(async () => {
      problems = [];
      const names = await readNames(createReadStream(NAMES), problems);
      ties = await tiesOf('Q2861', readRelations(createReadStream(RELATIONS), problems), names);
    });

    it('finds every distinct counterpart, counted independently over both directions', () => {
      const expected = new Set<string>();
      for (const [a, b] of rawEdges()) {
        if (a === 'Q2861') expected.add(b);
        if (b === 'Q2861') expected.add(a);
      }
      expect(problems).toEqual([]);
      expect(ties).toHaveLength(expected.size);
      expect(new Set(ties.map((t) => t.counterpartQid))).toEqual(expected);
      expect(ties.length).toBe(16);
    });

    it('lists no counterpart twice', () => {
      expect(new Set(ties.map((t) => t.counterpartQid)).size).toBe(ties.length);
    });

    it("includes Rostock's known twins under their names.tsv labels", () => {
      const labels = ties.map((t) => t.counterpartLabel);
      // German labels, as names.tsv prefers them (Stettin is Szczecin).
      for (const twin of ['Aarhus', 'Riga', 'Turku', 'Stettin', 'Bremen', 'Rijeka', 'Antwerpen', 'Göteborg', 'Dalian', 'Raleigh']) {
        expect(labels).toContain(twin);
      }
      expect(ties).toContainEqual({ counterpartQid: 'Q25319', counterpartLabel: 'Aarhus' });
    });
  });
});

describe('partnerCatalogue over the real shared data', () => {
  it('holds every distinct undirected tie and place once, with labels', async () => {
    const raw = rawEdges();
    const directed = new Set(raw.map(([a, b]) => `${a}>${b}`));
    const undirected = new Set(raw.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)));
    const places = new Set(raw.flat());
    const reciprocated = [...directed].filter((key) => {
      const [a, b] = key.split('>');
      return directed.has(`${b}>${a}`);
    }).length;
    // What the data README states, so a changed data file fails loudly here.
    expect(directed.size).toBe(34_178);
    expect(reciprocated).toBe(33_554);

    const problems: LineProblem[] = [];
    const names = rawNames();
    const catalogue = await partnerCatalogue(readRelations(createReadStream(RELATIONS), problems), names);

    expect(problems).toEqual([]);
    expect(catalogue.directedEdgeCount).toBe(directed.size);
    expect(catalogue.reciprocatedEdgeCount).toBe(reciprocated);
    expect(catalogue.duplicateLineCount).toBe(raw.length - directed.size);
    // Each reciprocated pair is one tie; each one-way edge is one tie.
    expect(undirected.size).toBe(reciprocated / 2 + (directed.size - reciprocated));
    expect(catalogue.tieCount).toBe(undirected.size);
    expect(catalogue.ties).toHaveLength(2 * undirected.size);
    expect(catalogue.qidCount).toBe(places.size);

    const decoded = new Set<string>();
    for (let i = 0; i < catalogue.tieCount; i += 1) {
      const a = catalogue.qids[catalogue.ties[2 * i]!]!;
      const b = catalogue.qids[catalogue.ties[2 * i + 1]!]!;
      decoded.add(a < b ? `${a}|${b}` : `${b}|${a}`);
    }
    expect(decoded).toEqual(undirected);

    const rostock = catalogue.qids.indexOf('Q2861');
    expect(catalogue.labels[rostock]).toBe('Rostock');
    expect(catalogue.labels).toEqual(catalogue.qids.map((qid) => names.get(qid) ?? qid));
  });
});
