import { activityFieldsOf, activityInputOf, type ActivityRow, initialActivityState } from './activity-input';

const planned: ActivityRow = {
  id: 'a1',
  title: 'Delegation to Aarhus',
  type: 'OUTBOUND_DELEGATION',
  priorityIds: ['p1'],
  partnerIds: [],
  country: 'DK',
  city: 'Aarhus',
  windowStart: '2027-05-03',
  windowEnd: '2027-05-06',
  frequency: 'ANNUAL',
  cycleYear: null,
  occurrences: 1,
  mode: 'IN_PERSON',
  costPerOccurrence: { own: 12000, external: 0, partner: 0 },
  plannedCost: { total: 12000 },
  staffDaysPerOccurrence: 10,
  plannedStaffDays: 10,
  implementers: [{ name: 'IHK Rostock', kind: 'CHAMBER' }],
  leadDepartment: null,
  status: 'PLANNED',
  outcomes: null,
  actualCost: null,
  actualStaffDays: null,
};

describe('the activity form’s input', () => {
  it('leaves a new activity’s empty optional fields out, so the API’s defaults apply, and counts an empty cost as 0', () => {
    const state = { ...initialActivityState(), title: 'Europe Day stand', type: 'CULTURAL_EVENT' as const, staffDays: 2 };
    expect(activityInputOf(state, false)).toEqual({
      title: 'Europe Day stand',
      type: 'CULTURAL_EVENT',
      priorityIds: [],
      partnerIds: [],
      country: undefined,
      city: undefined,
      windowStart: undefined,
      windowEnd: undefined,
      frequency: 'ONE_OFF',
      cycleYear: undefined,
      mode: 'IN_PERSON',
      costPerOccurrence: { own: 0, external: 0, partner: 0 },
      staffDaysPerOccurrence: 2,
      implementers: [],
      leadDepartment: undefined,
    });
  });

  it('sends null for an optional field emptied while changing an activity, so the API clears it', () => {
    const state = { ...initialActivityState(planned), city: '  ', windowEnd: '', country: 'dk' };
    const input = activityInputOf(state, true);
    expect(input).toMatchObject({ city: null, windowEnd: null, windowStart: '2027-05-03', country: 'DK', leadDepartment: null, cycleYear: null });
    expect(input.implementers).toEqual([{ name: 'IHK Rostock', kind: 'CHAMBER' }]);
  });

  it('reads a number still being typed as that number', () => {
    expect(activityInputOf({ ...initialActivityState(planned), staffDays: '12.' }, true).staffDaysPerOccurrence).toBe(12);
  });

  it('keeps a biennial activity’s cycle year and drops it for any other frequency', () => {
    const biennial = { ...initialActivityState(planned), frequency: 'BIENNIAL' as const, cycleYear: 2028 };
    expect(activityInputOf(biennial, true).cycleYear).toBe(2028);
    expect(activityInputOf({ ...biennial, frequency: 'ANNUAL' }, true).cycleYear).toBeNull();
  });

  it('lists the input paths of every row, so a refusal of the second implementer lands at its name', () => {
    const fields = activityFieldsOf({ ...initialActivityState(planned), implementers: [...initialActivityState(planned).implementers, { key: 99, name: '', kind: 'OTHER' }] });
    expect(fields).toEqual(expect.arrayContaining(['windowStart', 'costPerOccurrence.own', 'priorityIds[0]', 'implementers[1].name', 'implementers[1].kind']));
  });
});
