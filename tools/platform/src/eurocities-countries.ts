/**
 * What onboarding needs of the countries of Eurocities' members, keyed by
 * the Wikidata item the members file names (`country: "Q183"`): the ISO
 * 3166-1 code, the capital's IANA time zone, the ISO 4217 currency and the
 * main language (BCP 47). A member in a country missing here is reported,
 * not guessed.
 */
export interface CountryFacts {
  code: string;
  timeZone: string;
  currency: string;
  language: string;
}

export const EUROCITIES_COUNTRIES: Readonly<Record<string, CountryFacts>> = {
  Q43: { code: 'TR', timeZone: 'Europe/Istanbul', currency: 'TRY', language: 'tr' },
  Q183: { code: 'DE', timeZone: 'Europe/Berlin', currency: 'EUR', language: 'de' },
  Q34: { code: 'SE', timeZone: 'Europe/Stockholm', currency: 'SEK', language: 'sv' },
  Q36: { code: 'PL', timeZone: 'Europe/Warsaw', currency: 'PLN', language: 'pl' },
  Q212: { code: 'UA', timeZone: 'Europe/Kyiv', currency: 'UAH', language: 'uk' },
  Q37: { code: 'LT', timeZone: 'Europe/Vilnius', currency: 'EUR', language: 'lt' },
  Q31: { code: 'BE', timeZone: 'Europe/Brussels', currency: 'EUR', language: 'nl' },
  Q33: { code: 'FI', timeZone: 'Europe/Helsinki', currency: 'EUR', language: 'fi' },
  Q145: { code: 'GB', timeZone: 'Europe/London', currency: 'GBP', language: 'en' },
  Q55: { code: 'NL', timeZone: 'Europe/Amsterdam', currency: 'EUR', language: 'nl' },
  Q142: { code: 'FR', timeZone: 'Europe/Paris', currency: 'EUR', language: 'fr' },
  Q45: { code: 'PT', timeZone: 'Europe/Lisbon', currency: 'EUR', language: 'pt' },
  Q215: { code: 'SI', timeZone: 'Europe/Ljubljana', currency: 'EUR', language: 'sl' },
  Q35: { code: 'DK', timeZone: 'Europe/Copenhagen', currency: 'DKK', language: 'da' },
  Q29: { code: 'ES', timeZone: 'Europe/Madrid', currency: 'EUR', language: 'es' },
  Q41: { code: 'GR', timeZone: 'Europe/Athens', currency: 'EUR', language: 'el' },
  Q38: { code: 'IT', timeZone: 'Europe/Rome', currency: 'EUR', language: 'it' },
  Q20: { code: 'NO', timeZone: 'Europe/Oslo', currency: 'NOK', language: 'no' },
  Q214: { code: 'SK', timeZone: 'Europe/Bratislava', currency: 'EUR', language: 'sk' },
  Q213: { code: 'CZ', timeZone: 'Europe/Prague', currency: 'CZK', language: 'cs' },
  Q28: { code: 'HU', timeZone: 'Europe/Budapest', currency: 'HUF', language: 'hu' },
  Q219: { code: 'BG', timeZone: 'Europe/Sofia', currency: 'EUR', language: 'bg' },
  Q217: { code: 'MD', timeZone: 'Europe/Chisinau', currency: 'MDL', language: 'ro' },
  Q218: { code: 'RO', timeZone: 'Europe/Bucharest', currency: 'RON', language: 'ro' },
  Q27: { code: 'IE', timeZone: 'Europe/Dublin', currency: 'EUR', language: 'en' },
  Q32: { code: 'LU', timeZone: 'Europe/Luxembourg', currency: 'EUR', language: 'lb' },
  Q229: { code: 'CY', timeZone: 'Asia/Nicosia', currency: 'EUR', language: 'el' },
  Q403: { code: 'RS', timeZone: 'Europe/Belgrade', currency: 'RSD', language: 'sr' },
  Q236: { code: 'ME', timeZone: 'Europe/Podgorica', currency: 'EUR', language: 'sr' },
  Q189: { code: 'IS', timeZone: 'Atlantic/Reykjavik', currency: 'ISK', language: 'is' },
  Q211: { code: 'LV', timeZone: 'Europe/Riga', currency: 'EUR', language: 'lv' },
  Q224: { code: 'HR', timeZone: 'Europe/Zagreb', currency: 'EUR', language: 'hr' },
  Q225: { code: 'BA', timeZone: 'Europe/Sarajevo', currency: 'BAM', language: 'bs' },
  Q191: { code: 'EE', timeZone: 'Europe/Tallinn', currency: 'EUR', language: 'et' },
  Q230: { code: 'GE', timeZone: 'Asia/Tbilisi', currency: 'GEL', language: 'ka' },
  Q222: { code: 'AL', timeZone: 'Europe/Tirane', currency: 'ALL', language: 'sq' },
  Q40: { code: 'AT', timeZone: 'Europe/Vienna', currency: 'EUR', language: 'de' },
  Q399: { code: 'AM', timeZone: 'Asia/Yerevan', currency: 'AMD', language: 'hy' },
  Q39: { code: 'CH', timeZone: 'Europe/Zurich', currency: 'CHF', language: 'de' },
};
