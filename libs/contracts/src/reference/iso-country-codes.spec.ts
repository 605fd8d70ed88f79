import { ISO_COUNTRY_CODES, isIsoCountryCode } from './iso-country-codes';

describe('ISO_COUNTRY_CODES', () => {
  it('holds the 249 officially assigned codes, unique and sorted', () => {
    expect(ISO_COUNTRY_CODES).toHaveLength(249);
    expect(new Set(ISO_COUNTRY_CODES).size).toBe(249);
    expect([...ISO_COUNTRY_CODES].sort()).toEqual([...ISO_COUNTRY_CODES]);
  });

  it.each(['FR', 'DE', 'SS', 'CW', 'AX', 'US'])('accepts %s', (code) => {
    expect(isIsoCountryCode(code)).toBe(true);
  });

  it.each(['UK', 'EU', 'XK', 'fr', 'FRA', '', 42, null])('rejects %p', (code) => {
    expect(isIsoCountryCode(code)).toBe(false);
  });
});
