import { ValidationError } from '@entente/errors';
import { parseEngagement } from './engagements/engagement.rules';
import { parseRelationship } from './relationships/relationship.rules';
import { parseRecordAsset } from './assets/asset.rules';
import { seededRandom } from '@entente/random';

/**
 * Inputs arrive from GraphQL, CSV rows and event replays; whatever they hold,
 * the parsers answer with a ValidationError (a 400-class error) or a value,
 * never with anything that would surface as a 500.
 */
describe('parsers under generated inputs', () => {
  // Deterministic, so a failure reproduces.
  const next = seededRandom(20250615);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const scalars: unknown[] = [
    undefined, null, '', ' ', 'x', 'x'.repeat(2001), 'DE', 'de', 'XX', 'EUR', 'money', 'jobs', '2024-02-29', '2025-02-29',
    '2999-01-01', 'active', 'ended', 'sister-city', 'inbound-fdi', 'economic-foundations', 'event', 0, -1, 1.05, 1e308,
    Number.NaN, Infinity, true, {}, [], ['DE', 7], [''], ['p-1'], '\u0000', '💥'.repeat(150),
  ];
  const value = (): unknown =>
    next() < 0.15 ? { value: pick(scalars), unit: pick(scalars), currency: pick(scalars), amount: pick(scalars) } : pick(scalars);
  const fields = [
    'name', 'description', 'category', 'type', 'countries', 'sectors', 'magnitude', 'sourceOrganisation', 'asOf', 'confidentiality',
    'partnerId', 'status', 'since', 'until', 'formalBasis', 'politicalCycle', 'politicalChampion', 'technicalOwner',
    'leadDepartment', 'priorityIds', 'date', 'partnerIds', 'purpose', 'outcomes', 'nextSteps', 'cost', 'staffDays',
  ];
  const inputs = Array.from({ length: 400 }, () => Object.fromEntries(fields.filter(() => next() < 0.6).map((f) => [f, value()])));
  const now = new Date('2025-06-15T12:00:00Z');
  const parsers: Array<[string, (input: never) => unknown]> = [
    ['parseRecordAsset', (input) => parseRecordAsset(input, now)],
    ['parseRelationship', (input) => parseRelationship(input)],
    ['parseEngagement', (input) => parseEngagement(input, now)],
  ];

  it.each(parsers)('%s returns a value or throws a ValidationError naming fields for 400 inputs', (_name, parse) => {
    for (const input of inputs) {
      try {
        parse(input as never);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).problems.every((p) => p.field.length > 0)).toBe(true);
      }
    }
  });
});
