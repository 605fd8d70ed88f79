import { GraphQLError } from 'graphql';
import { CLIENT_ERROR_CODES } from '@entente/auth';
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

  it('masks an unexpected error and logs it with a reference', () => {
    const thrown = new GraphQLError('x', { originalError: new TypeError('cannot read properties of undefined') });
    const result = format({ message: 'cannot read properties of undefined', extensions: { stacktrace: ['TypeError'] } }, thrown);
    expect(result.message).toMatch(/^Internal error; quote reference [0-9a-f-]{36}/);
    expect(result.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reference: expect.any(String) });
    expect(JSON.stringify(result)).not.toContain('cannot read properties');
    expect(String(logged[0][0])).toContain(String(result.extensions?.reference));
  });
});
