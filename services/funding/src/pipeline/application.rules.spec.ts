import { ValidationError } from '@entente/errors';
import { parseApplication, parseApplicationChanges, parseStageMove, readDeadline } from './application.rules';
import { Problems } from '@entente/validation';

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.problems.map((p) => p.field);
    throw error;
  }
  throw new Error('no ValidationError');
}

const context = { localCurrency: 'EUR', today: '2027-05-04' };

describe('application rules', () => {
  it('reads a new application and reports every bad field at once', () => {
    expect(parseApplication({ title: '  Interreg   Baltic Sea ', deadline: '2027-03-31', amountRequested: { amount: 50_000, currency: 'eur' }, owner: 'Anke' })).toEqual({
      title: 'Interreg Baltic Sea',
      opportunityId: null,
      funder: null,
      deadline: '2027-03-31',
      amountRequested: { amount: 50_000, currency: 'EUR' },
      owner: 'Anke',
      notes: null,
    });
    expect(fieldsOf(() => parseApplication({ title: ' ', deadline: '31.03.2027', amountRequested: { amount: -1, currency: 'euro' } }))).toEqual([
      'title',
      'deadline',
      'amountRequested.amount',
      'amountRequested.currency',
    ]);
  });

  it('keeps a deadline as a day, or as the UTC instant of a moment given with its offset', () => {
    const problems = new Problems();
    expect(readDeadline(problems, 'deadline', '2027-03-31T17:00:00-04:00')).toBe('2027-03-31T21:00:00.000Z');
    expect(readDeadline(problems, 'deadline', '2027-02-28')).toBe('2027-02-28');
    expect(problems.count).toBe(0);
    for (const bad of ['2027-03-31T17:00:00', '2027-02-30', '2027-02-30T10:00Z', '1999-12-31', 42]) {
      const refused = new Problems();
      expect(readDeadline(refused, 'deadline', bad)).toBeNull();
      expect(refused.count).toBe(1);
    }
  });

  it('changes only the fields given, and never clears the title', () => {
    expect(parseApplicationChanges({ notes: 'Call the NA', owner: null })).toEqual({ notes: 'Call the NA', owner: null });
    expect(fieldsOf(() => parseApplicationChanges({ title: null }))).toEqual(['title']);
  });

  it('needs the amount for an award, and its local value when the award is in a foreign currency', () => {
    expect(fieldsOf(() => parseStageMove({ stage: 'awarded' }, context))).toEqual(['amountAwarded']);
    expect(parseStageMove({ stage: 'awarded', amountAwarded: { amount: 40_000, currency: 'EUR' } }, context)).toMatchObject({
      amountAwarded: { amount: 40_000, currency: 'EUR' },
      amountAwardedLocal: 40_000,
      awardedOn: '2027-05-04',
      planYear: null,
    });
    expect(fieldsOf(() => parseStageMove({ stage: 'awarded', amountAwarded: { amount: 40_000, currency: 'USD' } }, context))).toEqual(['amountAwardedLocal']);
    expect(parseStageMove({ stage: 'awarded', amountAwarded: { amount: 40_000, currency: 'USD' }, amountAwardedLocal: 37_000, awardedOn: '2027-04-30', planYear: 2028 }, context)).toMatchObject({
      amountAwardedLocal: 37_000,
      awardedOn: '2027-04-30',
      planYear: 2028,
    });
    expect(fieldsOf(() => parseStageMove({ stage: 'awarded', amountAwarded: { amount: 1, currency: 'EUR' }, amountAwardedLocal: 2, planYear: 1999 }, context))).toEqual(['planYear', 'amountAwardedLocal']);
  });

  it('needs a reason for not pursuing, and a note when the reason is other', () => {
    expect(parseStageMove({ stage: 'not-pursued', reason: 'no-match-funds' }, context)).toMatchObject({ stage: 'not-pursued', reason: 'no-match-funds' });
    expect(fieldsOf(() => parseStageMove({ stage: 'not-pursued' }, context))).toEqual(['reason']);
    expect(fieldsOf(() => parseStageMove({ stage: 'not-pursued', reason: 'other' }, context))).toEqual(['reasonNote']);
  });

  it('refuses details that belong to another stage, naming them', () => {
    expect(fieldsOf(() => parseStageMove({ stage: 'submitted', reason: 'other', amountAwarded: { amount: 1, currency: 'EUR' } }, context))).toEqual(['reason', 'amountAwarded']);
  });
});
