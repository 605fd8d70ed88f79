import { GraphQLError } from 'graphql';
import { forbiddenError } from '@entente/auth';
import { NotFoundError, ValidationError } from '@entente/errors';
import { clientErrorCode } from './run-service';

describe('clientErrorCode', () => {
  it('names the code of an error the caller caused', () => {
    expect(clientErrorCode(ValidationError.forField('year', 'must be a year'))).toBe('BAD_USER_INPUT');
    expect(clientErrorCode(new NotFoundError('Plan', '2027'))).toBe('NOT_FOUND');
    expect(clientErrorCode(forbiddenError(['executive']))).toBe('FORBIDDEN');
  });

  it('gives null for anything else, so it is logged as an error with its stack', () => {
    expect(clientErrorCode(new Error('connection reset'))).toBeNull();
    expect(clientErrorCode(new GraphQLError('boom', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }))).toBeNull();
  });
});
