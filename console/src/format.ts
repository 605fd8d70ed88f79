/** Numbers, money and dates as the jurisdiction writes them: its language and country make the locale, its currency the amounts. */
export interface JurisdictionLocale {
  /** BCP 47, e.g. de-DE for Rostock, en-NZ for Palmerston North. */
  locale: string;
  currency: string;
}

export function localeOf(jurisdiction: { languages: readonly string[]; country: string }): string {
  const language = jurisdiction.languages[0]?.toLowerCase() ?? 'en';
  const candidate = `${language}-${jurisdiction.country.toUpperCase()}`;
  try {
    return Intl.getCanonicalLocales(candidate)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

export function formatMoney(amount: number, where: JurisdictionLocale): string {
  return new Intl.NumberFormat(where.locale, { style: 'currency', currency: where.currency, maximumFractionDigits: 0 }).format(amount);
}

export function formatNumber(value: number, where: JurisdictionLocale, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(where.locale, { maximumFractionDigits }).format(value);
}

/** An ISO date (YYYY-MM-DD) or timestamp, as a date of the jurisdiction's locale; the day as written, whatever the viewer's time zone. */
export function formatDate(iso: string, where: JurisdictionLocale): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return new Intl.DateTimeFormat(where.locale, { dateStyle: 'medium', ...(day ? { timeZone: 'UTC' } : {}) }).format(new Date(day ? `${iso}T00:00:00Z` : iso));
}

/**
 * The plan year running on `today`: plan year N is the fiscal year that begins
 * in calendar year N on the jurisdiction's fiscal-year start (MM-DD).
 */
export function currentPlanYear(fiscalYearStart: string, today: Date): number {
  const [month, day] = fiscalYearStart.split('-').map(Number);
  const year = today.getUTCFullYear();
  const start = Date.UTC(year, (month ?? 1) - 1, day ?? 1);
  return today.getTime() >= start ? year : year - 1;
}

/** How much of what is available a plan uses, 0–100 for a gauge (over 100 shows full). */
export function usedPercent(planned: number, available: number): number {
  if (available <= 0) return planned > 0 ? 100 : 0;
  return Math.min(100, Math.round((planned / available) * 100));
}
