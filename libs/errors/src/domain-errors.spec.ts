import { NotFoundError, QUOTED_MAX_LENGTH, quoted, ValidationError } from './domain-errors';

describe('error messages repeat what a person gave, briefly', () => {
  it('quotes a short value whole, with quotes and line breaks escaped', () => {
    expect(quoted('Germany')).toBe('"Germany"');
    expect(quoted('ÄÖ')).toBe('"ÄÖ"');
    expect(quoted('a "b"\nc')).toBe('"a \\"b\\"\\nc"');
    expect(quoted(42)).toBe('"42"');
  });

  it('cuts a long value to its first characters, never splitting one', () => {
    const long = '🇩🇰'.repeat(200);
    const shown = JSON.parse(quoted(long)) as string;
    expect(shown.endsWith('…')).toBe(true);
    expect([...shown]).toHaveLength(QUOTED_MAX_LENGTH + 1);
    expect(long.startsWith(shown.slice(0, -1))).toBe(true);
  });

  it('keeps a huge refused value out of the message of the error that refuses it', () => {
    const payload = 'x'.repeat(1_000_000);
    const error = ValidationError.forField('country', `${quoted(payload)} is not an ISO 3166-1 alpha-2 country code`);
    expect(error.message.length).toBeLessThan(200);
    expect(new NotFoundError('Partner', payload).message.length).toBeLessThan(200);
    expect(new NotFoundError('Partner', 'p-1').message).toBe('Partner p-1 was not found');
  });
});
