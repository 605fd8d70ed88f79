import { ambiguousCountryNames, countryNameKey, readCountryName } from './country-names';

const place = (value: string): string | undefined => {
  const reading = readCountryName(value);
  return reading.ok ? reading.code : undefined;
};

describe('readCountryName', () => {
  it.each([
    ['the Netherlands', 'NL'],
    ['The Netherlands', 'NL'],
    ['Niederlande', 'NL'],
    ['die Niederlande', 'NL'],
    ['Holland', 'NL'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['United States', 'US'],
    ['die Vereinigten Staaten', 'US'],
    ['Deutschland', 'DE'],
    ['Germany', 'DE'],
    ['Bundesrepublik Deutschland', 'DE'],
    ['Vereinigtes Königreich', 'GB'],
    ['UK', 'GB'],
    ['Großbritannien', 'GB'],
    ['Grossbritannien', 'GB'],
    ['Scotland', 'GB'],
    ['Korea, Republic of', 'KR'],
    ['Republic of Korea', 'KR'],
    ['Südkorea', 'KR'],
    ['Czechia', 'CZ'],
    ['Czech Republic', 'CZ'],
    ['Tschechien', 'CZ'],
    ['Moldova, Republic of', 'MD'],
    ['Republic of Moldova', 'MD'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ["Cote d'Ivoire", 'CI'],
    ['Côte d’Ivoire', 'CI'],
    ['St. Lucia', 'LC'],
    ['Holy See', 'VA'],
    ['  denmark  ', 'DK'],
    ['EL', 'GR'],
  ])('reads the name %p as %s', (name, code) => {
    expect(place(name)).toBe(code);
  });

  it.each([
    ['nl', 'NL'],
    ['DE', 'DE'],
    ['NLD', 'NL'],
    ['deu', 'DE'],
    ['GBR', 'GB'],
  ])('reads the ISO code %p in either case as %s', (code, expected) => {
    expect(place(code)).toBe(expected);
  });

  it('cannot place a name it does not know, and says what it would understand', () => {
    expect(readCountryName('Atlantis')).toEqual({ ok: false, reason: 'cannot place "Atlantis" as a country; use its English or German name or an ISO code such as NL' });
    expect(readCountryName('XX')).toEqual({ ok: false, reason: 'cannot place "XX" as a country; use its English or German name or an ISO code such as NL' });
    expect(readCountryName('')).toMatchObject({ ok: false });
  });

  it('reports a name that fits more than one country instead of guessing', () => {
    expect(readCountryName('Congo')).toEqual({
      ok: false,
      reason: 'cannot place "Congo" as one country: it may be CD (Democratic Republic of the Congo) or CG (Republic of the Congo); use the ISO code',
    });
    expect(readCountryName('Korea')).toMatchObject({ ok: false, reason: expect.stringContaining('KP (North Korea) or KR (South Korea)') });
    expect(readCountryName('Kongo')).toMatchObject({ ok: false });
  });

  it('says why a place without an officially assigned ISO code cannot be stored', () => {
    expect(readCountryName('Kosovo')).toEqual({
      ok: false,
      reason: 'cannot place "Kosovo": it has no officially assigned ISO 3166-1 code (XK is user-assigned), and the registry stores countries by ISO code',
    });
    expect(readCountryName('XK')).toMatchObject({ ok: false, reason: expect.stringContaining('XK is user-assigned') });
  });

  it('knows exactly which names are ambiguous, so that a new library version adding one is noticed', () => {
    expect(ambiguousCountryNames()).toEqual([
      { key: 'congo', codes: ['CD', 'CG'] },
      { key: 'kongo', codes: ['CD', 'CG'] },
      { key: 'korea', codes: ['KP', 'KR'] },
      { key: 'virgin islands', codes: ['VG', 'VI'] },
    ]);
  });
});

describe('countryNameKey', () => {
  it('ignores case, accents, dots, punctuation and a leading article', () => {
    expect(countryNameKey('  The  Netherlands ')).toBe('netherlands');
    expect(countryNameKey('Côte d’Ivoire')).toBe('cote d ivoire');
    expect(countryNameKey('U.S.A.')).toBe('u s a');
    expect(countryNameKey('St. Kitts & Nevis')).toBe('saint kitts and nevis');
    expect(countryNameKey('Die')).toBe('die');
  });
});
