import { ConflictError } from '@entente/errors';
import { admitActive, capFor, type CapCandidate, retirementCandidates } from './priority-cap';

const candidate = (title: string, evidenceCount: number, kpiProgress: boolean, day: number): CapCandidate => ({
  priorityId: `p-${title}`,
  title,
  evidenceCount,
  kpiProgress,
  createdAt: new Date(Date.UTC(2026, 0, day)),
});

function refusal(run: () => unknown): ConflictError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConflictError);
    return error as ConflictError;
  }
  throw new Error('expected a refusal');
}

describe('the cap on active priorities', () => {
  it.each([
    [0, 2, 4],
    [1, 2, 4],
    [2, 3, 5],
    [2.5, 4, 6],
    [4, 6, 8],
    [10, 15, 17],
  ])('derives from %p staff FTE: soft %p, hard %p', (fte, soft, hard) => {
    expect(capFor(fte, null)).toMatchObject({ soft, hard, staffFte: fte, overridden: false });
  });

  it('takes a strategy’s own limits instead of the rule, and says so', () => {
    expect(capFor(2, { soft: 1, hard: 1 })).toMatchObject({ soft: 1, hard: 1, overridden: true });
    expect(capFor(2, { soft: 1, hard: 1 }).rule).toContain('set by the strategy');
  });

  it('admits silently up to the soft limit, warns past it, refuses past the hard one', () => {
    const cap = capFor(2, null);
    const active = (n: number) => Array.from({ length: n }, (_, i) => candidate(`P${i}`, i, false, i + 1));
    expect(admitActive(cap, active(2))).toEqual([]);
    const [warning] = admitActive(cap, active(3));
    expect(warning).toContain('4 active priorities is past the soft limit of 3');
    expect(warning).toContain('refused past 5');
    expect(admitActive(cap, active(4))).toHaveLength(1);
    const error = refusal(() => admitActive(cap, active(5)));
    expect(error.message).toContain('5 are active');
    expect(error.message).toContain('2 staff FTE');
    expect(error.message).toContain('at most 5');
    expect(error.message).toContain('soft = max(2, ceil(1.5 × staff FTE)), hard = soft + 2');
  });

  it('names first the priorities with no KPI progress and the least evidence, oldest first among equals', () => {
    const active = [candidate('Progressing', 0, true, 1), candidate('Rich', 5, false, 2), candidate('Bare-new', 0, false, 9), candidate('Bare-old', 0, false, 3), candidate('Some', 1, false, 4)];
    expect(retirementCandidates(active).map((c) => c.title)).toEqual(['Bare-old', 'Bare-new', 'Some', 'Rich', 'Progressing']);
    const error = refusal(() => admitActive(capFor(1, { soft: 2, hard: 5 }), active));
    expect(error.message).toContain('your strategy sets the cap itself: soft 2, hard 5');
    expect(error.message).toMatch(/"Bare-old" \(0 evidence links, no KPI progress\), "Bare-new" .*, "Some" \(1 evidence link, no KPI progress\)/);
    expect(error.message).not.toContain('"Rich"');
  });

  it('writes a fractional FTE as people do', () => {
    expect(refusal(() => admitActive(capFor(0.5, null), Array.from({ length: 4 }, (_, i) => candidate(`P${i}`, 0, false, i + 1)))).message).toContain('0.5 staff FTE');
  });
});
