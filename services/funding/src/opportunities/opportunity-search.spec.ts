import { ValidationError } from '@entente/errors';
import { searchFilter } from './opportunity-search';

describe('opportunity search filters', () => {
  it('matches nothing in particular when empty', () => {
    expect(searchFilter(undefined)).toEqual({});
    expect(searchFilter({ keywords: '  ' })).toEqual({});
  });

  it('needs every keyword, excludes a -word, escapes regex characters and reads themes as theme words', () => {
    const filter = searchFilter({ keywords: 'port* -tender', themes: ['Regional development'], statuses: ['open'] }) as { $and: unknown[] };
    expect((filter.$and[0] as { $or: Array<{ title?: RegExp }> }).$or[0]?.title?.source).toBe('port\\*');
    expect(filter.$and[1]).toHaveProperty('$nor');
    expect(filter.$and).toContainEqual({ status: { $in: ['open'] } });
    expect(filter.$and).toContainEqual({ themes: { $in: ['regional-development'] } });
  });

  it('refuses a deadline window that ends before it starts, naming closesBefore', () => {
    try {
      searchFilter({ closesAfter: new Date('2027-02-01'), closesBefore: new Date('2027-01-01') });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('closesBefore');
    }
  });

  it('refuses control characters, half a character and a date that is not one, naming the field', () => {
    const fieldOf = (fn: () => unknown): string => {
      try {
        fn();
      } catch (error) {
        return (error as ValidationError).field;
      }
      return 'accepted';
    };
    expect(fieldOf(() => searchFilter({ keywords: 'port\u0000' }))).toBe('keywords');
    expect(fieldOf(() => searchFilter({ keywords: 'port \ud83d' }))).toBe('keywords');
    expect(fieldOf(() => searchFilter({ themes: ['\udc00'] }))).toBe('themes');
    expect(fieldOf(() => searchFilter({ themes: ['ports', 'x'.repeat(10_000)] }))).toBe('themes');
    expect(fieldOf(() => searchFilter({ themes: ['x'.repeat(100)] }))).toBe('accepted');
    expect(fieldOf(() => searchFilter({ sourceId: 'x'.repeat(10_000) }))).toBe('sourceId');
    expect(fieldOf(() => searchFilter({ postedAfter: new Date('') }))).toBe('postedAfter');
    expect(fieldOf(() => searchFilter({ closesAfter: new Date('../x') }))).toBe('closesAfter');
  });
});
