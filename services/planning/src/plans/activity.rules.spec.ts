import { ValidationError } from '@entente/errors';
import { changedPlannedFields, parseActivity } from './activity.rules';

const plan = { year: 2027, periodStart: '2027-01-01', periodEnd: '2027-12-31' };

function problemsOf(run: () => unknown): Array<{ field: string; message: string }> {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('activity rules', () => {
  it('fills the defaults of a new activity', () => {
    const activity = parseActivity({ title: '  Hanse Sail   delegation ', type: 'outbound-delegation', country: 'dk' }, plan);
    expect(activity).toMatchObject({ title: 'Hanse Sail delegation', country: 'DK', frequency: 'one-off', mode: 'in-person', staffDaysPerOccurrence: 0, priorityIds: [] });
    expect(activity.costPerOccurrence).toEqual({ own: 0, external: 0, partner: 0 });
  });

  it('names every bad field at once', () => {
    const problems = problemsOf(() =>
      parseActivity(
        { title: '', type: 'picnic', country: 'XX', windowStart: '2028-01-05', costPerOccurrence: { own: -1 }, staffDaysPerOccurrence: 400, implementers: [{ name: '', kind: 'ngo' }] },
        plan,
      ),
    );
    expect(problems.map((p) => p.field)).toEqual(['title', 'type', 'country', 'windowStart', 'costPerOccurrence.own', 'staffDaysPerOccurrence', 'implementers[0].name']);
    expect(problems.find((p) => p.field === 'windowStart')?.message).toContain('2027-01-01 to 2027-12-31');
  });

  it('refuses a window that ends before it starts', () => {
    expect(problemsOf(() => parseActivity({ title: 'x', type: 'webinar', windowStart: '2027-05-02', windowEnd: '2027-05-01' }, plan)).map((p) => p.field)).toEqual(['type', 'windowEnd']);
  });

  it('keeps what a change leaves out and clears what it sets to null', () => {
    const current = parseActivity({ title: 'Youth exchange', type: 'youth-exchange', city: 'Riga', frequency: 'biennial', cycleYear: 2027, costPerOccurrence: { own: 5000 } }, plan);
    const changed = parseActivity({ city: null, costPerOccurrence: { own: 4000, partner: 1000 } }, plan, current);
    expect(changed).toMatchObject({ title: 'Youth exchange', city: null, cycleYear: 2027, costPerOccurrence: { own: 4000, external: 0, partner: 1000 } });
    expect(changedPlannedFields(current, changed)).toEqual(['city', 'costPerOccurrence']);
  });

  it('keeps a cycle year only for biennial activities and refuses a far one', () => {
    expect(parseActivity({ title: 'x', type: 'cultural-event', cycleYear: 2028 }, plan).cycleYear).toBeNull();
    expect(problemsOf(() => parseActivity({ title: 'x', type: 'cultural-event', frequency: 'biennial', cycleYear: 2090 }, plan)).map((p) => p.field)).toEqual(['cycleYear']);
  });
});
