import {
  assertJobTransition,
  boundedReport,
  canMove,
  checkImportDocument,
  deterministicId,
  IMPORT_JOB_STATUSES,
  isFinished,
  MAX_REPORT_ROWS,
  progressOf,
  TRUNCATED_FIELD,
} from './import-job.rules';

describe('import job status', () => {
  it('moves forward through validating and applying to an end, and may fail from any working status', () => {
    expect(canMove('queued', 'validating')).toBe(true);
    expect(canMove('validating', 'applying')).toBe(true);
    expect(canMove('applying', 'succeeded')).toBe(true);
    for (const from of ['queued', 'validating', 'applying'] as const) expect(canMove(from, 'failed')).toBe(true);
  });

  it('never skips validation and never applies a job that has not been validated', () => {
    expect(canMove('queued', 'applying')).toBe(false);
    expect(canMove('queued', 'succeeded')).toBe(false);
    expect(canMove('validating', 'succeeded')).toBe(false);
    expect(() => assertJobTransition('queued', 'applying')).toThrow('an import job cannot move from queued to applying');
  });

  it('resumes a phase by entering it again, but never leaves an end', () => {
    expect(canMove('validating', 'validating')).toBe(true);
    expect(canMove('applying', 'applying')).toBe(true);
    for (const to of IMPORT_JOB_STATUSES) {
      expect(canMove('succeeded', to)).toBe(false);
      expect(canMove('failed', to)).toBe(false);
    }
    expect(IMPORT_JOB_STATUSES.filter(isFinished)).toEqual(['succeeded', 'failed']);
  });
});

describe('progressOf', () => {
  it.each([
    [3, 10, { done: 3, total: 10 }],
    [12, 10, { done: 10, total: 10 }],
    [-1, 10, { done: 0, total: 10 }],
    [2.7, 5.2, { done: 2, total: 5 }],
    [0, 0, { done: 0, total: 0 }],
  ])('done %p of %p → %p', (done, total, expected) => {
    expect(progressOf(done, total)).toEqual(expected);
  });
});

describe('boundedReport', () => {
  it('keeps a report that fits as it is', () => {
    const problems = [{ row: 2, field: 'name', reason: 'must not be empty' }];
    expect(boundedReport(problems)).toEqual(problems);
  });

  it('keeps the first problems and says how many more there were', () => {
    const problems = Array.from({ length: MAX_REPORT_ROWS + 5 }, (_, i) => ({ row: i + 2, field: 'country', reason: 'bad' }));
    const report = boundedReport(problems);
    expect(report).toHaveLength(MAX_REPORT_ROWS);
    expect(report[MAX_REPORT_ROWS - 2]).toEqual(problems[MAX_REPORT_ROWS - 2]);
    expect(report[MAX_REPORT_ROWS - 1]).toEqual({ row: MAX_REPORT_ROWS, field: TRUNCATED_FIELD, reason: '6 more problem(s) not listed; fix these and import again' });
  });
});

describe('deterministicId', () => {
  it('gives one job step the same UUID-shaped id every time, and other steps or jobs other ids', () => {
    const id = deterministicId('job-1', 'row:2');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicId('job-1', 'row:2')).toBe(id);
    expect(new Set([id, deterministicId('job-1', 'row:3'), deterministicId('job-2', 'row:2'), deterministicId('job-1r', 'ow:2')]).size).toBe(4);
  });
});

describe('checkImportDocument', () => {
  it('accepts a file of whole characters, emoji included', () => {
    expect(() => checkImportDocument('csv', 'name,kind,country\nZürich 🚀,city,CH\n', 100)).not.toThrow();
  });

  it.each([
    ['an empty file', '  \n', 'csv: is empty: give the file’s contents'],
    ['a file over the limit', 'x'.repeat(2_000_001), 'csv: is 2 MB; an import takes at most 1 MB: split the file'],
    ['half an emoji on line 3', 'name,kind\nAarhus,city\nOdense \uD83D,city\n', 'csv: has a broken character on line 3 (half of a character such as an emoji); save the file as UTF-8 and send it again'],
    ['a lone low surrogate on line 1 (CRLF lines)', '\uDE80name\r\nx', 'csv: has a broken character on line 1 (half of a character such as an emoji); save the file as UTF-8 and send it again'],
  ])('refuses %s naming the field', (_label, value, message) => {
    expect(() => checkImportDocument('csv', value, 1_000_000)).toThrow(message);
  });
});
