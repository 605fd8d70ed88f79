import { addCalendarMonths, isIsoDate, latestToday, Problems, readIdList } from './field-checks';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2025-12-31', '0001-01-01'])('accepts %p', (date) => expect(isIsoDate(date)).toBe(true));
  it.each(['2025-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-1-1', '2025-01-01T00:00:00Z', '', 20250101])(
    'refuses %p',
    (date) => expect(isIsoDate(date)).toBe(false),
  );
});

describe('addCalendarMonths', () => {
  it.each([
    ['2024-03-15', 12, '2025-03-15'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-12-01', 1, '2025-01-01'],
  ])('%s + %i months is %s', (date, months, expected) => expect(addCalendarMonths(date, months)).toBe(expected));
});

describe('latestToday', () => {
  it('is tomorrow in UTC once it is tomorrow at UTC+14', () => {
    expect(latestToday(new Date('2025-06-15T09:59:59Z'))).toBe('2025-06-15');
    expect(latestToday(new Date('2025-06-15T10:00:00Z'))).toBe('2025-06-16');
  });
});

describe('readIdList', () => {
  it('trims, drops duplicates and names a bad entry by index', () => {
    const problems = new Problems();
    expect(readIdList(problems, 'ids', [' a', 'a', 'b', 3], { max: 5 })).toEqual(['a', 'b']);
    expect(() => problems.throwIfAny()).toThrow('ids[3]: must be text');
  });
});
