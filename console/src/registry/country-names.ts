import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(en);
countries.registerLocale(de);

/** A country's name in the console's language ("Dänemark" for DK in German); the code itself when the library does not know it. */
export function countryName(code: string, language: string): string {
  return countries.getName(code, language === 'de' ? 'de' : 'en', { select: 'official' }) ?? code;
}

/** The ISO 3166-1 numeric code world-atlas names its shapes by ("208" for DK). */
export function numericOf(code: string): string | undefined {
  return countries.alpha2ToNumeric(code);
}
