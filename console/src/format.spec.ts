import { currentPlanYear, formatDate, formatMoney, localeOf, usedPercent } from './format';
import { can, platformRolesOf } from './roles';

describe('jurisdiction formats', () => {
  it('makes the locale from the first language and the country', () => {
    expect(localeOf({ languages: ['de'], country: 'DE' })).toBe('de-DE');
    expect(localeOf({ languages: ['en', 'mi'], country: 'nz' })).toBe('en-NZ');
    expect(localeOf({ languages: [], country: 'US' })).toBe('en-US');
  });

  it('writes money in the jurisdiction’s locale and currency', () => {
    expect(formatMoney(47000, { locale: 'de-DE', currency: 'EUR' })).toBe('47.000\u00a0€');
    expect(formatMoney(47000, { locale: 'en-NZ', currency: 'NZD' })).toBe('$47,000');
  });

  it('writes a plan date as the day it is, in the locale', () => {
    expect(formatDate('2027-05-03', { locale: 'de-DE', currency: 'EUR' })).toBe('03.05.2027');
    expect(formatDate('2027-05-03', { locale: 'en-US', currency: 'USD' })).toBe('May 3, 2027');
  });

  it('finds the plan year running on a day from the fiscal-year start', () => {
    expect(currentPlanYear('01-01', new Date('2026-03-01T00:00:00Z'))).toBe(2026);
    expect(currentPlanYear('07-01', new Date('2026-03-01T00:00:00Z'))).toBe(2025);
    expect(currentPlanYear('07-01', new Date('2026-07-01T00:00:00Z'))).toBe(2026);
  });

  it('caps the gauge at 100 % and copes with nothing available', () => {
    expect(usedPercent(47000, 40000)).toBe(100);
    expect(usedPercent(35000, 40000)).toBe(88);
    expect(usedPercent(0, 0)).toBe(0);
    expect(usedPercent(10, 0)).toBe(100);
  });
});

describe('what a role may do', () => {
  it('shows edit controls to the roles the API accepts them from', () => {
    expect(can(['viewer'], 'applyRemedy')).toBe(false);
    expect(can(['staff'], 'applyRemedy')).toBe(true);
    expect(can(['staff'], 'submitPlan')).toBe(false);
    expect(can(['jurisdiction-admin'], 'submitPlan')).toBe(true);
    expect(can(['jurisdiction-admin'], 'approvePlan')).toBe(false);
    expect(can(['executive'], 'approvePlan')).toBe(true);
    expect(can(['viewer', 'offline_access'], 'editPriorities')).toBe(false);
  });

  it('names only the platform’s roles', () => {
    expect(platformRolesOf(['offline_access', 'staff', 'uma_authorization'])).toEqual(['staff']);
  });
});
