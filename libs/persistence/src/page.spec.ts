import { Types } from 'mongoose';
import { ValidationError } from '@entente/errors';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, resolvePageArgs } from './page';

describe('page arguments', () => {
  it('defaults the page size and round-trips cursors', () => {
    const id = new Types.ObjectId();
    expect(resolvePageArgs({})).toEqual({ limit: 20, afterId: null });
    expect(resolvePageArgs({ first: 5, after: encodeCursor(id) }).afterId?.equals(id)).toBe(true);
    expect(decodeCursor(encodeCursor(id)).toHexString()).toBe(id.toHexString());
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 2.5])('rejects first=%p naming the field', (first) => {
    expect(() => resolvePageArgs({ first })).toThrow(ValidationError);
    try {
      resolvePageArgs({ first });
    } catch (error) {
      expect((error as ValidationError).field).toBe('first');
    }
  });

  it('treats an empty after as the first page', () => {
    expect(resolvePageArgs({ after: '' }).afterId).toBeNull();
  });

  it.each(['not-a-cursor', 'AAAA', encodeCursor(new Types.ObjectId()) + 'x'])('rejects after=%p naming the field', (after) => {
    expect(() => resolvePageArgs({ after })).toThrow(/after: is not a cursor/);
  });
});
