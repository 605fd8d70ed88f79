import { Kind } from 'graphql';
import { DateTimeScalar } from './date-time.scalar';

const scalar = new DateTimeScalar();
const invalid = (date: Date): boolean => Number.isNaN(date.getTime());

describe('the platform DateTime scalar', () => {
  it('reads ISO date-time strings as Nest’s does', () => {
    expect(scalar.parseValue('2027-03-31T23:59:59Z').toISOString()).toBe('2027-03-31T23:59:59.000Z');
    expect(scalar.parseLiteral({ kind: Kind.STRING, value: '2027-03-31T00:00:00Z' }).toISOString()).toBe('2027-03-31T00:00:00.000Z');
    expect(scalar.serialize(new Date('2027-03-31T00:00:00Z'))).toBe('2027-03-31T00:00:00.000Z');
  });

  it('makes an invalid Date of anything that is no date-time string, for the rules to refuse naming their field (Nest’s made 1970-01-01T00:00:00.001Z of true)', () => {
    for (const value of ['next Tuesday', true, 12345, { $gt: '' }, ['2027-03-31']]) expect(invalid(scalar.parseValue(value))).toBe(true);
    expect(invalid(scalar.parseLiteral({ kind: Kind.BOOLEAN, value: true }))).toBe(true);
    expect(invalid(scalar.parseLiteral({ kind: Kind.INT, value: '12345' }))).toBe(true);
  });
});
