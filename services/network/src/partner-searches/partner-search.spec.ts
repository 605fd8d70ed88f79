import { ConflictError, ForbiddenError, ValidationError } from '@entente/errors';
import { answerOf, checkClose, type PartnerSearch, parsePartnerSearch } from './partner-search';

function fieldsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((p) => p.field);
    throw error;
  }
  throw new Error('accepted');
}

const NOW = new Date('2027-03-01T12:00:00Z');
const search = (overrides: Partial<PartnerSearch> = {}): PartnerSearch => ({
  jurisdictionId: 'ams',
  searchId: 's-1',
  networkId: 'net-1',
  kind: 'partner-city',
  country: 'PL',
  opportunityId: null,
  description: 'A port city in Poland for a youth exchange',
  status: 'open',
  postedBy: 'u-1',
  postedAt: NOW,
  answers: [],
  ...overrides,
});

describe('seeking partners', () => {
  it('reads a post: a partner city needs a country, a co-applicant a call, both a description', () => {
    expect(parsePartnerSearch({ kind: 'partner-city', country: 'pl', description: ' A port city ' })).toEqual({ kind: 'partner-city', country: 'PL', opportunityId: null, description: 'A port city' });
    expect(parsePartnerSearch({ kind: 'co-applicant', opportunityId: 'opp-1', description: 'Interreg' })).toMatchObject({ kind: 'co-applicant', opportunityId: 'opp-1', country: null });
    expect(fieldsOf(() => parsePartnerSearch({ kind: 'partner-city', description: 'x' }))).toEqual(['country']);
    expect(fieldsOf(() => parsePartnerSearch({ kind: 'co-applicant', description: ' ' }))).toEqual(['opportunityId', 'description']);
    expect(fieldsOf(() => parsePartnerSearch({ kind: 'partner-city', country: 'XX', description: 'x' }))).toEqual(['country']);
    expect(fieldsOf(() => parsePartnerSearch({ kind: 'party', description: 'x' }))).toEqual(['kind']);
  });

  it('takes answers from other members while open, never from the poster', () => {
    expect(answerOf(search(), 'lyo', ' We are in! ', 'u-2', NOW)).toEqual({ jurisdictionId: 'lyo', message: 'We are in!', byUserId: 'u-2', at: NOW });
    expect(() => answerOf(search(), 'ams', 'me', 'u-1', NOW)).toThrow(ForbiddenError);
    expect(() => answerOf(search({ status: 'closed' }), 'lyo', 'late', 'u-2', NOW)).toThrow(ConflictError);
    expect(fieldsOf(() => answerOf(search(), 'lyo', '', 'u-2', NOW))).toEqual(['message']);
  });

  it('is closed by its poster only, once', () => {
    expect(() => checkClose(search(), 'ams')).not.toThrow();
    expect(() => checkClose(search(), 'lyo')).toThrow(ForbiddenError);
    expect(() => checkClose(search({ status: 'closed' }), 'ams')).toThrow(ConflictError);
  });
});
