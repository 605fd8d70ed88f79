import { addCalendarMonths, isIsoDate, latestToday, Problems, readIdList, readText, unpairedSurrogateIndex } from './field-checks';

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

describe('readText and unpaired surrogates', () => {
  const read = (value: unknown) => {
    const problems = new Problems();
    const text = readText(problems, 'contacts[0].name', value, { max: 200, required: true, singleLine: true });
    let message = '';
    try {
      problems.throwIfAny();
    } catch (error) {
      message = (error as Error).message;
    }
    return { text, message };
  };

  it.each([
    ['a lone high surrogate', 'a\uD800b', 2, 'D800'],
    ['a high surrogate at the end', 'Zürich \uD83D', 8, 'D83D'],
    ['a lone low surrogate', '\uDE80 Aarhus', 1, 'DE80'],
    ['a low surrogate after a whole emoji', '🚀\uDE80', 3, 'DE80'],
    ['two high surrogates in a row', '\uD83D\uD83D\uDE80', 1, 'D83D'],
  ])('refuses %s naming the field and the position, storing nothing', (_label, value, position, code) => {
    const { text, message } = read(value);
    expect(text).toBeNull();
    expect(message).toBe(
      `contacts[0].name: has a broken character at position ${position} (U+${code}, half of a character such as an emoji, usually from text cut or copied in the middle of one); ` +
        'remove it or send the text again as valid Unicode',
    );
  });

  it.each(['Zürich 東京 🚀👩🏽‍🚀', 'x\u200B\u200Dy', '\uFFFD replacement characters are text', 'plain'])('keeps well-formed text %p', (value) => {
    expect(read(value)).toEqual({ text: value.trim(), message: '' });
  });

  it('finds the first unpaired surrogate, or -1', () => {
    expect(unpairedSurrogateIndex('ok 🚀')).toBe(-1);
    expect(unpairedSurrogateIndex('ok \uDC00 \uD800')).toBe(3);
  });
});
