import { buildSchema, execute, GraphQLError, parse } from 'graphql';
import { CLIENT_ERROR_CODES, TOO_MANY_VARIABLE_ERRORS_MESSAGE, VARIABLE_ERROR_LIMIT_MESSAGE } from '@entente/auth';
import { NotFoundError, ValidationError } from '@entente/errors';
import { createErrorFormatter } from './format-error';

describe('createErrorFormatter', () => {
  const logged: unknown[][] = [];
  const format = createErrorFormatter({ error: (...args: unknown[]) => logged.push(args) });
  beforeEach(() => logged.splice(0));

  it('keeps a validation error with the offending field', () => {
    const thrown = new GraphQLError('wrapped', { originalError: ValidationError.forField('country', 'must be an ISO 3166-1 alpha-2 code') });
    const result = format({ message: 'wrapped', path: ['registerPartner'] }, thrown);
    expect(result).toEqual({
      message: 'country: must be an ISO 3166-1 alpha-2 code',
      path: ['registerPartner'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT', field: 'country', problems: [{ field: 'country', message: 'must be an ISO 3166-1 alpha-2 code' }] },
    });
  });

  it('keeps not-found errors as NOT_FOUND', () => {
    const thrown = new GraphQLError('x', { originalError: new NotFoundError('Partner', 'p1') });
    expect(format({ message: 'x' }, thrown).extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('passes client errors through without a stack trace', () => {
    const result = format(
      { message: 'Unknown argument', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at x'] } },
      new GraphQLError('Unknown argument'),
    );
    expect(result.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it.each([...CLIENT_ERROR_CODES])('passes every client code of the shared list through (%s)', (code) => {
    const result = format({ message: 'act on this', extensions: { code, field: 'name', stacktrace: ['at x'] } }, new GraphQLError('act on this'));
    expect(result).toEqual({ message: 'act on this', extensions: { code, field: 'name' } });
    expect(logged).toHaveLength(0);
  });

  it("answers graphql-js's own limit on variable errors (51 nulls for [ID!]!) as BAD_USER_INPUT, not as an internal error", async () => {
    const schema = buildSchema('type Query { count(ids: [ID!]!): Int }');
    const result = await execute({ schema, document: parse('query($ids: [ID!]!) { count(ids: $ids) }'), variableValues: { ids: Array(51).fill(null) } });
    const errors = result.errors ?? [];
    expect(errors).toHaveLength(51);
    expect(errors[50]?.message).toBe(VARIABLE_ERROR_LIMIT_MESSAGE);
    // Apollo Server gives an error without a code INTERNAL_SERVER_ERROR before formatError sees it.
    const limit = format({ ...errors[50]!.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR' } }, errors[50]);
    expect(limit).toEqual({ message: TOO_MANY_VARIABLE_ERRORS_MESSAGE, extensions: { code: 'BAD_USER_INPUT' } });
    expect(logged).toHaveLength(0);
  });

  it.each([
    ['thrown by a resolver (it has a path)', new GraphQLError(VARIABLE_ERROR_LIMIT_MESSAGE, { path: ['partners'] })],
    ['wrapping a cause', new GraphQLError(VARIABLE_ERROR_LIMIT_MESSAGE, { originalError: new Error(VARIABLE_ERROR_LIMIT_MESSAGE) })],
  ])('still masks an error that only says the same, %s', (_label, thrown) => {
    expect(format({ message: thrown.message }, thrown).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('masks an unexpected error and logs it with a reference', () => {
    const thrown = new GraphQLError('x', { originalError: new TypeError('cannot read properties of undefined') });
    const result = format({ message: 'cannot read properties of undefined', extensions: { stacktrace: ['TypeError'] } }, thrown);
    expect(result.message).toMatch(/^Internal error; quote reference [0-9a-f-]{36}/);
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reference: expect.any(String) });
    expect(JSON.stringify(result)).not.toContain('cannot read properties');
    expect(String(logged[0][0])).toContain(String(result.extensions?.reference));
  });
});
