import { ValidationError } from '@entente/errors';
import { Problems } from '@entente/validation';
import { parseSourceFields, parseSourceId } from './source.rules';

function problemsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return Object.fromEntries(error.problems.map((p) => [p.field, p.message]));
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('source rules', () => {
  it('reads a feed source, normalising countries', () => {
    expect(parseSourceFields({ name: ' Embassy  grants ', kind: 'feed', url: 'https://example.org/feed.xml', scheduleMinutes: 60, countries: ['de', 'DE'], timeZone: 'Europe/Berlin', funderType: 'embassy-or-high-commission' })).toMatchObject({
      name: 'Embassy grants',
      countries: ['DE'],
      scheduleMinutes: 60,
      apiKeyRef: null,
    });
  });

  it('names every bad field at once', () => {
    expect(
      problemsOf(() => parseSourceFields({ name: '', kind: 'ftp', url: 'ftp://x', scheduleMinutes: 1, apiKeyRef: 'sk-live-123', countries: ['Germany'], timeZone: 'Mars/Base', currency: 'EURO' })),
    ).toEqual({
      name: 'must not be empty',
      kind: expect.stringContaining('must be one of'),
      url: 'must be an http or https address',
      scheduleMinutes: expect.stringContaining('from 15 to 10080'),
      apiKeyRef: expect.stringContaining('never the key itself'),
      countries: expect.stringContaining('not an ISO 3166-1 alpha-2'),
      timeZone: expect.stringContaining('is not a time zone'),
      currency: expect.any(String),
    });
  });

  it('asks a Simpler.Grants.gov source for its key reference', () => {
    expect(problemsOf(() => parseSourceFields({ name: 'Simpler', kind: 'simpler-grants-gov', url: 'https://api.simpler.grants.gov/v1/opportunities/search' }))).toEqual({ apiKeyRef: expect.stringContaining('needs an API key') });
  });

  it('keeps what an update leaves out', () => {
    const current = parseSourceFields({ name: 'List', kind: 'csv', url: 'https://example.org/list.csv', currency: 'EUR' });
    expect(parseSourceFields({ scheduleMinutes: 1440 }, current)).toEqual({ ...current, scheduleMinutes: 1440 });
  });

  it('makes an id from the name, or checks the one given', () => {
    const problems = new Problems();
    expect(parseSourceId(problems, undefined, 'Grants.gov — Daily Extract')).toBe('grants-gov-daily-extract');
    expect(parseSourceId(problems, 'Bad Id', 'x')).toBeNull();
    expect(problems.count).toBe(1);
  });
});
