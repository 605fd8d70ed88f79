import { buildSchema, execute, type ExecutionResult, GraphQLError, parse } from 'graphql';
import { TOO_MANY_VARIABLE_ERRORS_MESSAGE, VARIABLE_ERROR_LIMIT_MESSAGE } from '@entente/auth';
import { maskResult, sharedFieldOf } from './error-masking.plugin';

const schema = buildSchema(`
  input ContactInput { name: String! email: String }
  input PartnerInput { name: String! contacts: [ContactInput!] }
  type Query { count(ids: [ID!]!, kinds: [String!]): Int register(input: PartnerInput!): Int }
`);

async function answer(query: string, variableValues: Record<string, unknown>): Promise<ExecutionResult> {
  return maskResult(await execute({ schema, document: parse(query), variableValues }));
}

const codesOf = (result: ExecutionResult) => [...new Set(result.errors?.map((error) => error.extensions['code']))];

describe('errorMaskingPlugin', () => {
  it('answers a list of 51 nulls with BAD_USER_INPUT only: 50 naming their item, then one that sums them up', async () => {
    const result = await answer('query($ids: [ID!]!) { count(ids: $ids) }', { ids: Array(51).fill(null) });
    expect(result.errors).toHaveLength(51);
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions['field']).toBe('ids[0]');
    expect(result.errors?.[49]?.extensions['field']).toBe('ids[49]');
    const last = result.errors?.[50];
    expect(last?.message).toBe(TOO_MANY_VARIABLE_ERRORS_MESSAGE);
    expect(last?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'ids' });
  });

  it('names the path shared by many wrong values inside one input', async () => {
    const contacts = Array.from({ length: 30 }, () => ({ name: 7, email: false }));
    const result = await answer('query($input: PartnerInput!) { register(input: $input) }', { input: { name: 'Aarhus', contacts } });
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.at(-1)?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.contacts' });
  });

  it('names the first variable when the wrong values are spread over several', async () => {
    const result = await answer('query($ids: [ID!]!, $kinds: [String!]) { count(ids: $ids, kinds: $kinds) }', {
      ids: Array(30).fill(null),
      kinds: Array(30).fill(1),
    });
    expect(codesOf(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.at(-1)?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'ids' });
  });

  it.each([
    ['a resolver error that says the same (it has a path)', new GraphQLError(VARIABLE_ERROR_LIMIT_MESSAGE, { path: ['count'] })],
    ['a subgraph error that says the same (it has a code)', new GraphQLError(VARIABLE_ERROR_LIMIT_MESSAGE, { extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } })],
    ['an error caused by something else', new GraphQLError(VARIABLE_ERROR_LIMIT_MESSAGE, { originalError: new Error('socket hang up') })],
  ])('still masks %s', (_label, error) => {
    const result = maskResult({ data: null, errors: [error] });
    expect(result.errors?.[0]?.message).toBe('Internal server error');
    expect(result.errors?.[0]?.extensions['code']).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('sharedFieldOf', () => {
  it.each([
    [['ids[0]', 'ids[1]', 'ids[10]'], 'ids'],
    [['input.contacts[0].name', 'input.contacts[1].email'], 'input.contacts'],
    [['input.contacts[3].name', 'input.contacts[3].email'], 'input.contacts[3]'],
    [['input.name', 'input.names[0]'], 'input'],
    [['ids[0]', 'kinds[0]'], 'ids'],
    [['ids[2]'], 'ids[2]'],
    [[undefined, 'ids[0]', 'ids[1]'], 'ids'],
    [[undefined], undefined],
  ])('%p share %p', (fields, shared) => expect(sharedFieldOf(fields)).toBe(shared));
});
