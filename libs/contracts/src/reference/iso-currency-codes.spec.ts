import { ISO_CURRENCY_CODES, isIsoCurrencyCode } from './iso-currency-codes';

describe('isIsoCurrencyCode', () => {
  it('knows current codes in upper case only', () => {
    expect(['EUR', 'USD', 'NZD', 'JPY'].every(isIsoCurrencyCode)).toBe(true);
    expect(['eur', 'EURO', 'XXX', 'XAU', ''].some(isIsoCurrencyCode)).toBe(false);
  });
});

describe('ISO_CURRENCY_CODES', () => {
  it('lists each code once, three upper-case letters', () => {
    expect(new Set(ISO_CURRENCY_CODES).size).toBe(ISO_CURRENCY_CODES.length);
    expect(ISO_CURRENCY_CODES.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
  });
});
