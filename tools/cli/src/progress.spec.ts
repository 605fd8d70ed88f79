import { progressBar, progressLine } from './progress';

describe('progressBar', () => {
  it('fills in proportion to the work done', () => {
    expect(progressBar({ status: 'APPLYING', progress: { done: 5, total: 10 } }, 10)).toBe('[#####-----]  50% 5/10 applying');
    expect(progressBar({ status: 'SUCCEEDED', progress: { done: 10, total: 10 } }, 10)).toBe('[##########] 100% 10/10 succeeded');
  });

  it('shows an empty bar before the total is known', () => {
    expect(progressBar({ status: 'VALIDATING', progress: { done: 0, total: 0 } }, 4)).toBe('[----]   0% 0/0 validating');
  });
});

describe('progressLine', () => {
  it('writes a line when the status or the tenth of the work changes, and not otherwise', () => {
    const first = { status: 'APPLYING', progress: { done: 1, total: 100 } };
    expect(progressLine(first, undefined)).toBe('applying: 1 of 100');
    expect(progressLine({ status: 'APPLYING', progress: { done: 5, total: 100 } }, first)).toBeNull();
    expect(progressLine({ status: 'APPLYING', progress: { done: 12, total: 100 } }, first)).toBe('applying: 12 of 100');
    expect(progressLine({ status: 'SUCCEEDED', progress: { done: 1, total: 100 } }, first)).toBe('succeeded: 1 of 100');
  });
});
