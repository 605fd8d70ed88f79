import { calendarOf, heatMapOf } from './network-views';

const members = [
  {
    jurisdictionId: 'rostock',
    copies: [
      { kind: 'priority' as const, recordId: 'p-1', fields: { title: 'Baltic trade', countries: ['DK', 'SE'] } },
      { kind: 'activity' as const, recordId: 'a-1', fields: { title: 'Delegation', country: 'DK', windowStart: '2027-05-01', status: 'planned' } },
      { kind: 'activity' as const, recordId: 'a-2', fields: { title: 'Cancelled trip', country: 'DK', windowStart: '2027-01-01', status: 'cancelled' } },
      // Shared without its countries: it points nowhere.
      { kind: 'priority' as const, recordId: 'p-2', fields: { title: 'Untold' } },
    ],
  },
  { jurisdictionId: 'aarhus', copies: [{ kind: 'relationship' as const, recordId: 'r-1', fields: { partnerCountry: 'DE' } }] },
];

describe('network views from shared copies', () => {
  it('counts members × countries from the fields shared, skipping cancelled activities', () => {
    expect(heatMapOf(members)).toEqual([
      { jurisdictionId: 'rostock', country: 'DK', priorities: 1, activities: 1, partners: 0, relationships: 0, assets: 0, total: 2 },
      { jurisdictionId: 'rostock', country: 'SE', priorities: 1, activities: 0, partners: 0, relationships: 0, assets: 0, total: 1 },
      { jurisdictionId: 'aarhus', country: 'DE', priorities: 0, activities: 0, partners: 0, relationships: 1, assets: 0, total: 1 },
    ]);
  });

  it('puts shared delegations on the calendar by window', () => {
    expect(calendarOf(members).map((e) => e.activityId)).toEqual(['a-1']);
  });
});
