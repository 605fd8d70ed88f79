import { CompositionFailedError, composeSupergraph } from './supergraph.composer';

const FED = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])`;

const registry = {
  name: 'registry',
  url: 'http://127.0.0.1:4101/graphql',
  sdl: `${FED}
    type Query { jurisdiction(id: ID!): Jurisdiction }
    type Jurisdiction @key(fields: "id") { id: ID! name: String! }`,
};

const planning = {
  name: 'planning',
  url: 'http://127.0.0.1:4102/graphql',
  sdl: `${FED}
    type Query { plans: [Plan!]! }
    type Plan { id: ID! title: String! }
    type Jurisdiction @key(fields: "id") { id: ID! plans: [Plan!]! }`,
};

describe('composeSupergraph', () => {
  it('composes two Federation v2 subgraphs into one supergraph with a join__Graph per subgraph', () => {
    const supergraph = composeSupergraph([registry, planning]);
    expect(supergraph.subgraphs).toEqual(['registry', 'planning']);
    expect(supergraph.sdl).toMatch(/REGISTRY @join__graph\(name: "registry", url: "http:\/\/127.0.0.1:4101\/graphql"\)/);
    expect(supergraph.sdl).toMatch(/PLANNING @join__graph\(name: "planning"/);
    expect(supergraph.sdl).toMatch(/type Jurisdiction[^{]*@join__type\(graph: PLANNING, key: "id"\)/);
    expect(supergraph.sdl).toContain('plans: [Plan!]!');
  });

  it('reports a conflict between subgraphs naming them', () => {
    const conflicting = {
      ...planning,
      sdl: `${FED}
        type Query { plans: [Plan!]! }
        type Plan { id: ID! }
        type Jurisdiction @key(fields: "id") { id: ID! name: Int! }`,
    };
    try {
      composeSupergraph([registry, conflicting]);
      throw new Error('expected composition to fail');
    } catch (error) {
      expect(error).toBeInstanceOf(CompositionFailedError);
      const message = (error as Error).message;
      expect(message).toContain('Jurisdiction.name');
      expect(message).toContain('registry');
      expect(message).toContain('planning');
    }
  });

  it('reports an SDL that does not parse with the subgraph name', () => {
    expect(() => composeSupergraph([registry, { ...planning, sdl: 'type Query {' }])).toThrow(
      /\[planning\] SDL does not parse/,
    );
  });
});
