import { buildSchema, GraphQLField } from 'graphql';
import {
  baselineKeyFor,
  buildBaseline,
  capPerGroup,
  fuzzSeed,
  leakedMarkers,
  misplacedKeys,
  OMIT,
  ownersOf,
  Prng,
  recordIdsIn,
  rootFieldsOf,
  rootOperations,
  sitesOf,
  unownedRootFields,
} from './graphql-fuzz';

const SUPERGRAPH = buildSchema(`
  input ContactInput { name: String! notes: String }
  input RegisterPartnerInput { name: String! country: String contacts: [ContactInput!] }
  type Partner { id: ID! name: String! }
  type GoalType { id: ID! label: String! }
  type Query { partners(first: Int): [Partner!]! localGoalTypes: [GoalType!]! funderTypes: [String!]! }
  type Mutation { registerPartner(input: RegisterPartnerInput!): Partner! updatePartner(id: ID!, input: RegisterPartnerInput!): Partner! }
`);
const field = (name: string) => SUPERGRAPH.getMutationType()?.getFields()[name] as GraphQLField<unknown, unknown>;

describe('discovering every service’s operations', () => {
  it('reads a subgraph’s root fields without federation’s own, and a subgraph with no mutations', () => {
    const answer = { __schema: { queryType: { fields: [{ name: 'localGoalTypes' }, { name: '_service' }, { name: '_entities' }] }, mutationType: null } };
    expect(rootFieldsOf(answer)).toEqual(['localGoalTypes']);
  });

  it('gives each root field to the subgraph that serves it, a shared one to the first', () => {
    const owners = ownersOf([
      { service: 'registry', fields: ['partners', 'registerPartner', 'updatePartner'] },
      { service: 'planning', fields: ['localGoalTypes', 'partners'] },
    ]);
    expect(Object.fromEntries(owners)).toEqual({ partners: 'registry', registerPartner: 'registry', updatePartner: 'registry', localGoalTypes: 'planning' });
  });

  it('lists mutations and every query, with or without arguments, under their service; names a root field no subgraph claims', () => {
    const owners = new Map([
      ['partners', 'registry'],
      ['registerPartner', 'registry'],
      ['updatePartner', 'registry'],
      ['localGoalTypes', 'planning'],
    ]);
    expect(rootOperations(SUPERGRAPH, owners).map((o) => `${o.kind} ${o.field.name} ${o.service}`)).toEqual([
      'mutation registerPartner registry',
      'mutation updatePartner registry',
      'query partners registry',
      'query localGoalTypes planning',
    ]);
    expect(unownedRootFields(SUPERGRAPH, owners)).toEqual(['funderTypes']);
  });

  it('names table keys whose operation is another service’s or no one’s', () => {
    const owners = new Map([
      ['registerPartner', 'registry'],
      ['localGoalTypes', 'planning'],
    ]);
    expect(misplacedKeys({ registry: ['registerPartner.input.name', 'localGoalTypes.x'], planning: ['setPriority.input.goalIds'] }, owners)).toEqual([
      "registry: 'localGoalTypes.x' names localGoalTypes, which is planning's: move it to planning's table",
      "planning: 'setPriority.input.goalIds' names setPriority, which no service has",
    ]);
  });
});

describe('where a baseline value goes', () => {
  it('turns a field the rules named into the table key, inside the input argument when the rules leave it out', () => {
    expect(baselineKeyFor(field('registerPartner'), 'contacts[0].notes')).toBe('registerPartner.input.contacts.notes');
    expect(baselineKeyFor(field('registerPartner'), 'input.name')).toBe('registerPartner.input.name');
    expect(baselineKeyFor(field('updatePartner'), 'id')).toBe('updatePartner.id');
    expect(baselineKeyFor(field('updatePartner'), 'nowhere')).toBe('updatePartner.nowhere');
  });

  it('builds a baseline from the types where no hint answers, and finds its sites', () => {
    const baseline = buildBaseline(field('registerPartner'), (path, leaf) => (leaf === 'country' ? 'DK' : leaf === 'notes' ? OMIT : undefined));
    expect(baseline).toEqual({ input: { name: 'Fuzz name', country: 'DK', contacts: [{ name: 'Fuzz name' }] } });
    expect(sitesOf(field('registerPartner'), baseline).map((s) => s.label)).toEqual(['input', 'input.name', 'input.country', 'input.contacts', 'input.contacts[0]', 'input.contacts[0].name']);
  });
});

describe('the case budget of a service', () => {
  const items = Array.from({ length: 20 }, (_, i) => ({ op: i < 18 ? 'big' : `small-${i}`, n: i, every: i === 7 }));

  it('keeps everything under the budget', () => {
    expect(capPerGroup(items, 50, (i) => i.op, () => false, new Prng(1))).toEqual(items);
  });

  it('keeps one of every group and every item held to, in order, and fills the rest from the seed', () => {
    const kept = capPerGroup(items, 6, (i) => i.op, (i) => i.every, new Prng(1));
    expect(kept).toHaveLength(6);
    expect(kept.map((i) => i.op)).toEqual(expect.arrayContaining(['big', 'small-18', 'small-19']));
    expect(kept.some((i) => i.every)).toBe(true);
    expect(kept.map((i) => i.n)).toEqual([...kept.map((i) => i.n)].sort((a, b) => a - b));
    expect(capPerGroup(items, 6, (i) => i.op, (i) => i.every, new Prng(1))).toEqual(kept);
  });
});

describe('leaks of another jurisdiction', () => {
  const uuid = '3f2b8c1e-5d4a-4c3b-9a1e-2b3c4d5e6f70';

  it('collects record ids from an answer, not catalogue slugs', () => {
    expect(recordIdsIn({ setPriority: { id: uuid, goals: [{ id: 'economic-development' }], owner: { id: '507f1f77bcf86cd799439011' } } })).toEqual([uuid, '507f1f77bcf86cd799439011']);
  });

  it('names a marker the answer holds and the request did not send', () => {
    expect(leakedMarkers(`{"data":{"partners":[{"id":"${uuid}"}]}}`, '{"variables":{}}', [uuid, 'fuzz-b-1234'])).toEqual([uuid]);
    expect(leakedMarkers(`{"errors":[{"message":"no partner ${uuid}"}]}`, `{"variables":{"id":"${uuid}"}}`, [uuid])).toEqual([]);
  });
});

describe('the seed of a run', () => {
  const commit = 'c21b70159e2a4c3b9a1e2b3c4d5e6f7012345678';

  it('is read from the commit checked out, so a rerun of a tree samples the same cases', () => {
    expect(fuzzSeed({}, () => commit)).toBe(0xc21b7015);
    expect(fuzzSeed({ ENTENTE_FUZZ_SEED: ' ' }, () => commit)).toBe(0xc21b7015);
  });

  it('replays a given seed, draws a fresh one on request or outside git, and refuses anything else naming the variable', () => {
    expect(fuzzSeed({ ENTENTE_FUZZ_SEED: '745573924' }, () => commit)).toBe(745573924);
    for (const drawn of [fuzzSeed({ ENTENTE_FUZZ_SEED: 'random' }, () => commit), fuzzSeed({}, () => undefined)]) {
      expect(Number.isInteger(drawn) && drawn >= 0 && drawn <= 0xffffffff).toBe(true);
    }
    // Fresh draws from 2^32 differ from each other (a fixed value would fail here).
    const draws = new Set(Array.from({ length: 5 }, () => fuzzSeed({ ENTENTE_FUZZ_SEED: 'random' }, () => commit)));
    expect(draws.size).toBeGreaterThan(1);
    expect(() => fuzzSeed({ ENTENTE_FUZZ_SEED: '-1' })).toThrow(/ENTENTE_FUZZ_SEED must be a whole number from 0 to 4294967295, or random/);
    expect(() => fuzzSeed({ ENTENTE_FUZZ_SEED: 'seven' })).toThrow(/ENTENTE_FUZZ_SEED/);
  });
});
