import { themeWord } from '../opportunities/theme-words';

/** Plain text out of the HTML that sources put in descriptions, for search and for a person to read. */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”',
  hellip: '…', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', sect: '§', deg: '°', eacute: 'é', egrave: 'è',
  aacute: 'á', agrave: 'à', oacute: 'ó', uacute: 'ú', iacute: 'í', ntilde: 'ñ', ccedil: 'ç', auml: 'ä', ouml: 'ö', uuml: 'ü', szlig: 'ß',
  Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', frac12: '½', times: '×', laquo: '«', raquo: '»',
};

/** Decodes HTML character references; unknown names are left as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? whole;
  });
}

const BLOCK_TAGS = /<\s*\/?\s*(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article)\b[^>]*>/gi;

/** Tags dropped (block tags become line breaks), entities decoded, runs of blanks collapsed. Null for nothing left. */
export function htmlToText(html: string | null | undefined, maxLength = 20_000): string | null {
  if (!html) return null;
  const text = decodeEntities(html.replace(BLOCK_TAGS, '\n').replace(/<[^>]*>/g, ''))
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
  if (text === '') return null;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** A word list entry as a theme (entities decoded first). */
export function themeOf(word: string): string | null {
  return themeWord(decodeEntities(word));
}

/** Text trimmed, blanks collapsed, null when empty. */
export function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}
