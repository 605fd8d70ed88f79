/** A word as a theme: lower case, `&` as "and", hyphens between words; null when nothing is left. Sources and searches name themes the same way. */
export function themeWord(word: string): string | null {
  const theme = word
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return theme === '' ? null : theme.slice(0, 60);
}
