import { SCOPE_FIELDS, valueOf } from './scopes';

describe('a shared record’s values', () => {
  it('offers the planned activities’ cost among the fields a grant may allow', () => {
    expect(SCOPE_FIELDS.PLANNED_ACTIVITIES).toContain('cost');
  });

  it('reads the cost as the amount in the member’s currency, and as not shared when the grant leaves it out', () => {
    expect(valueOf({ id: 'a', costAmount: 9000, costCurrency: 'EUR' }, 'cost')).toEqual({ amount: 9000, currency: 'EUR' });
    expect(valueOf({ id: 'a', costAmount: null, costCurrency: null }, 'cost')).toBeNull();
    expect(valueOf({ id: 'a' }, 'cost')).toBeNull();
  });

  it('reads a figure with its unit, and any other field as it is', () => {
    expect(valueOf({ id: 'a', magnitudeValue: 12, magnitudeUnit: 'companies' }, 'magnitude')).toBe('12 companies');
    expect(valueOf({ id: 'a', magnitudeValue: null }, 'magnitude')).toBeNull();
    expect(valueOf({ id: 'a', title: 'Esbjerg' }, 'title')).toBe('Esbjerg');
  });
});
