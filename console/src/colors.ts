// Mantine's green, red and orange shades with white or on white stay under WCAG AA's 4.5:1 for small text; these pass.
export const FITS = '#1f6f33';
export const OVER = '#b02a2a';
export const WARNING_TEXT = '#9a3412';
export const NEUTRAL = '#495057';
export const PENDING = '#7a4f00';

/** A plan status as a colour with AA contrast on white: grey while drafted, amber in review, green once approved. */
export function planStatusColor(status: string): string {
  if (status === 'IN_REVIEW') return PENDING;
  if (status === 'APPROVED' || status === 'ACTIVE') return FITS;
  return NEUTRAL;
}
