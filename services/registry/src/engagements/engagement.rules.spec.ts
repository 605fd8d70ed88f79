import { ValidationError } from '@entente/errors';
import { lastEngagementUpdates, LogEngagementInput, parseEngagement, RelationshipEngagementFacts } from './engagement.rules';

const NOW = new Date('2025-06-15T12:00:00Z');

function fieldsOf(input: LogEngagementInput): string[] {
  try {
    parseEngagement(input, NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems.map((p) => p.field);
  }
  throw new Error('expected a validation error');
}

const ok: LogEngagementInput = { date: '2025-05-20', type: 'inbound-visit', partnerIds: ['p-1'], purpose: 'Port cooperation' };

describe('parseEngagement', () => {
  it('normalises a complete engagement', () => {
    expect(
      parseEngagement(
        {
          date: '2025-05-20',
          type: 'outbound-mission',
          partnerIds: [' p-1', 'p-2', 'p-1'],
          purpose: '  Offshore wind supply chain  ',
          outcomes: 'Two letters of intent',
          nextSteps: 'Follow-up webinar in autumn',
          cost: { amount: 4250.5, currency: 'dkk' },
          staffDays: 3.5,
          priorityIds: ['pr-7'],
        },
        NOW,
      ),
    ).toEqual({
      date: '2025-05-20',
      type: 'outbound-mission',
      partnerIds: ['p-1', 'p-2'],
      purpose: 'Offshore wind supply chain',
      outcomes: 'Two letters of intent',
      nextSteps: 'Follow-up webinar in autumn',
      cost: { amount: 4250.5, currency: 'DKK' },
      staffDays: 3.5,
      priorityIds: ['pr-7'],
    });
  });

  it('leaves optional fields null or empty', () => {
    expect(parseEngagement(ok, NOW)).toEqual({
      ...ok,
      outcomes: null,
      nextSteps: null,
      cost: null,
      staffDays: null,
      priorityIds: [],
    });
  });

  it('accepts zero cost and zero staff-days, and rounds float noise in tenths', () => {
    const engagement = parseEngagement({ ...ok, cost: { amount: 0, currency: 'EUR' }, staffDays: 0.1 + 0.2 }, NOW);
    expect(engagement.cost).toEqual({ amount: 0, currency: 'EUR' });
    expect(engagement.staffDays).toBe(0.3);
  });

  it.each([
    ['missing date', { ...ok, date: undefined }, ['date']],
    ['a date that is no date', { ...ok, date: '2025-02-30' }, ['date']],
    ['a future date', { ...ok, date: '2025-07-01' }, ['date']],
    ['unknown type', { ...ok, type: 'dinner' }, ['type']],
    ['no partners', { ...ok, partnerIds: [] }, ['partnerIds']],
    ['missing partners', { ...ok, partnerIds: undefined }, ['partnerIds']],
    ['a blank partner id', { ...ok, partnerIds: ['p-1', ' '] }, ['partnerIds[1]']],
    ['51 partners', { ...ok, partnerIds: Array.from({ length: 51 }, (_, i) => `p-${i}`) }, ['partnerIds']],
    ['missing purpose', { ...ok, purpose: undefined }, ['purpose']],
    ['purpose of 2001 characters', { ...ok, purpose: 'x'.repeat(2001) }, ['purpose']],
    ['outcomes of 2001 characters', { ...ok, outcomes: 'x'.repeat(2001) }, ['outcomes']],
    ['next steps of 2001 characters', { ...ok, nextSteps: 'x'.repeat(2001) }, ['nextSteps']],
    ['negative cost', { ...ok, cost: { amount: -1, currency: 'EUR' } }, ['cost.amount']],
    ['cost without currency', { ...ok, cost: { amount: 10 } }, ['cost.currency']],
    ['cost in an unknown currency', { ...ok, cost: { amount: 10, currency: 'EURO' } }, ['cost.currency']],
    ['NaN cost', { ...ok, cost: { amount: Number.NaN, currency: 'EUR' } }, ['cost.amount']],
    ['negative staff-days', { ...ok, staffDays: -0.5 }, ['staffDays']],
    ['staff-days with two decimals', { ...ok, staffDays: 1.25 }, ['staffDays']],
    ['staff-days whose tenths overflow', { ...ok, staffDays: 1e308 }, ['staffDays']],
    ['a cost beyond ten trillion', { ...ok, cost: { amount: 1e13 + 1, currency: 'EUR' } }, ['cost.amount']],
    ['51 priorities', { ...ok, priorityIds: Array.from({ length: 51 }, (_, i) => `pr-${i}`) }, ['priorityIds']],
  ] as Array<[string, LogEngagementInput, string[]]>)('rejects %s naming the field', (_case, input, fields) => {
    expect(fieldsOf(input)).toEqual(fields);
  });

  it('reports every bad field at once', () => {
    expect(fieldsOf({ type: 'x', partnerIds: [], cost: { amount: -3, currency: 'no' }, staffDays: 0.05 })).toEqual([
      'date',
      'type',
      'partnerIds',
      'purpose',
      'cost.amount',
      'cost.currency',
      'staffDays',
    ]);
  });
});

describe('lastEngagementUpdates', () => {
  const relationships: RelationshipEngagementFacts[] = [
    { id: 'r-never', partnerId: 'p-1', lastEngagementAt: null },
    { id: 'r-older', partnerId: 'p-2', lastEngagementAt: '2025-01-10' },
    { id: 'r-newer', partnerId: 'p-2', lastEngagementAt: '2025-06-01' },
    { id: 'r-same-day', partnerId: 'p-1', lastEngagementAt: '2025-05-20' },
    { id: 'r-other-partner', partnerId: 'p-9', lastEngagementAt: null },
  ];

  it('moves forward the relationships of the engagement partners that are behind it', () => {
    expect(lastEngagementUpdates({ date: '2025-05-20', partnerIds: ['p-1', 'p-2'] }, relationships)).toEqual([
      { relationshipId: 'r-never', lastEngagementAt: '2025-05-20' },
      { relationshipId: 'r-older', lastEngagementAt: '2025-05-20' },
    ]);
  });

  it('never moves a date backward when an older engagement is logged late', () => {
    expect(lastEngagementUpdates({ date: '2024-12-31', partnerIds: ['p-2'] }, relationships)).toEqual([]);
  });

  it('changes nothing for partners without relationships', () => {
    expect(lastEngagementUpdates({ date: '2025-05-20', partnerIds: ['p-404'] }, relationships)).toEqual([]);
  });
});
