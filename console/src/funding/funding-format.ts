/** How the funding screens write amounts and moments: an amount in the currency the funder states, a deadline in the viewer's own time zone. */

/** The time zone of the person's browser (where they are), e.g. Europe/Berlin. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A moment as date and time in `timeZone` (the viewer's unless given), in the jurisdiction's locale. */
export function formatMoment(iso: string, locale: string, timeZone = viewerTimeZone()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** An amount in its own currency (an opportunity's, which need not be the jurisdiction's); a bare number when the source names none. */
export function formatAmount(amount: number, currency: string | null | undefined, locale: string): string {
  if (!currency) return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount)} ${currency}`;
  }
}
