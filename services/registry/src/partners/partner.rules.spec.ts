import { ValidationError } from '@entente/errors';
import { isEmailAddress, isPhoneNumber, parsePartner, parsePartnerChanges, parseRegisterPartner, PHONE_FORMAT, RegisterPartnerInput } from './partner.rules';

function fieldsOf(parse: () => unknown): string[] {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems.map((p) => p.field);
  }
  throw new Error('expected a validation error');
}

describe('parseRegisterPartner', () => {
  it('normalises the name and the country code', () => {
    expect(parseRegisterPartner({ name: '  Aarhus   Kommune ', kind: 'city', country: 'dk' })).toEqual({
      name: 'Aarhus Kommune',
      kind: 'city',
      country: 'DK',
    });
  });

  it('takes an absent or null country as unknown', () => {
    expect(parseRegisterPartner({ name: 'Dalian', kind: 'city' }).country).toBeNull();
    expect(parseRegisterPartner({ name: 'Dalian', kind: 'city', country: null }).country).toBeNull();
  });

  it.each(['Germany', 'XX', 'D', 'DEU', '', '12'])('rejects country %p naming the field', (country) => {
    try {
      parseRegisterPartner({ name: 'Bremen', kind: 'city', country });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems).toEqual([{ field: 'country', message: expect.stringContaining('ISO 3166-1 alpha-2') }]);
    }
  });

  it('reports every bad field at once', () => {
    expect(fieldsOf(() => parseRegisterPartner({ name: ' ', kind: 'village', country: 'ZZ' }))).toEqual(['name', 'kind', 'country']);
  });

  it('rejects a name longer than 200 characters', () => {
    expect(() => parseRegisterPartner({ name: 'x'.repeat(201), kind: 'city', country: 'FR' })).toThrow('name: must be at most 200');
  });
});

describe('parsePartner', () => {
  const ok: RegisterPartnerInput = { name: 'Aarhus', kind: 'city', country: 'DK' };

  it('normalises a complete partner', () => {
    expect(
      parsePartner({
        ...ok,
        wikidataId: ' q25319 ',
        website: 'https://www.aarhus.dk/international',
        notes: '  Twinned since 1987.  ',
        contacts: [
          { name: '  Anne   Jensen ', role: 'International officer', email: 'Anne.Jensen@AARHUS.DK', phone: '+45 89 40 20 00', notes: 'Prefers e-mail' },
          { name: 'Mayor’s office' },
        ],
      }),
    ).toEqual({
      name: 'Aarhus',
      kind: 'city',
      country: 'DK',
      wikidataId: 'Q25319',
      website: 'https://www.aarhus.dk/international',
      notes: 'Twinned since 1987.',
      contacts: [
        { name: 'Anne Jensen', role: 'International officer', email: 'Anne.Jensen@aarhus.dk', phone: '+45 89 40 20 00', notes: 'Prefers e-mail' },
        { name: 'Mayor’s office', role: null, email: null, phone: null, notes: null },
      ],
    });
  });

  it('leaves the optional fields empty', () => {
    expect(parsePartner({ name: 'Dalian', kind: 'city' })).toEqual({
      name: 'Dalian',
      kind: 'city',
      country: null,
      wikidataId: null,
      website: null,
      notes: null,
      contacts: [],
    });
  });

  it.each([
    ['a property id for a Wikidata id', { ...ok, wikidataId: 'P190' }, ['wikidataId']],
    ['a Wikidata id with a leading zero', { ...ok, wikidataId: 'Q0123' }, ['wikidataId']],
    ['a Wikidata URL', { ...ok, wikidataId: 'https://www.wikidata.org/wiki/Q25319' }, ['wikidataId']],
    ['a blank Wikidata id', { ...ok, wikidataId: ' ' }, ['wikidataId']],
    ['a website without a scheme', { ...ok, website: 'www.aarhus.dk' }, ['website']],
    ['a website that is not http', { ...ok, website: 'ftp://aarhus.dk' }, ['website']],
    ['a website of 501 characters', { ...ok, website: `https://a.dk/${'x'.repeat(488)}` }, ['website']],
    ['notes of 2001 characters', { ...ok, notes: 'x'.repeat(2001) }, ['notes']],
    ['a contact without a name', { ...ok, contacts: [{ name: 'A' }, { email: 'a@b.dk' }] }, ['contacts[1].name']],
    ['a contact e-mail without a domain', { ...ok, contacts: [{ name: 'A', email: 'anne@' }] }, ['contacts[0].email']],
    ['a contact e-mail with two @', { ...ok, contacts: [{ name: 'A', email: 'a@b@c.dk' }] }, ['contacts[0].email']],
    ['a contact phone of letters', { ...ok, contacts: [{ name: 'A', phone: 'call me' }] }, ['contacts[0].phone']],
    ['a contact phone too short', { ...ok, contacts: [{ name: 'A', phone: '112' }] }, ['contacts[0].phone']],
    ['a contact phone with a second +', { ...ok, contacts: [{ name: 'A', phone: '+45 +89 40 20 00' }] }, ['contacts[0].phone']],
    ['a contact name with half an emoji', { ...ok, contacts: [{ name: 'Anne \uD83D' }] }, ['contacts[0].name']],
    ['a name with a lone low surrogate', { ...ok, name: '\uDE80 Aarhus' }, ['name']],
    ['a contact role of 201 characters', { ...ok, contacts: [{ name: 'A', role: 'x'.repeat(201) }] }, ['contacts[0].role']],
    ['21 contacts', { ...ok, contacts: Array.from({ length: 21 }, (_, i) => ({ name: `C${i}` })) }, ['contacts']],
  ] as Array<[string, RegisterPartnerInput, string[]]>)('rejects %s naming the field', (_case, input, fields) => {
    expect(fieldsOf(() => parsePartner(input))).toEqual(fields);
  });
});

describe('parsePartnerChanges', () => {
  it('returns only the fields given, null clearing the optional ones', () => {
    expect(parsePartnerChanges({ country: 'fi', wikidataId: null })).toEqual({ country: 'FI', wikidataId: null });
    expect(parsePartnerChanges({})).toEqual({});
    expect(parsePartnerChanges({ contacts: [] })).toEqual({ contacts: [] });
  });

  it('refuses to clear the name or the kind, and checks what it is given', () => {
    expect(fieldsOf(() => parsePartnerChanges({ name: null, kind: null, country: 'Denmark', contacts: [{ name: 'A', email: 'x' }] }))).toEqual([
      'name',
      'kind',
      'country',
      'contacts[0].email',
    ]);
  });
});

describe('isEmailAddress', () => {
  it.each(['a@b.dk', 'anne.jensen+eu@aarhus.kommune.dk', "o'neil@example.ie"])('accepts %p', (email) => expect(isEmailAddress(email)).toBe(true));
  it.each(['a@b', '@b.dk', 'a b@c.dk', 'a..b@c.dk', '.a@c.dk', 'a@-b.dk', `${'a'.repeat(65)}@b.dk`])('rejects %p', (email) => expect(isEmailAddress(email)).toBe(false));
});

describe('isPhoneNumber', () => {
  // What the schema's description promises (PHONE_FORMAT), as offices write their numbers; kept as written.
  it.each(['+45 89 40 20 00', '+45 (89) 40-20-00', '+1 (410) 555-0100', '+64 6.356.8199', '0381/381-0', '+49 (0)381 381-0', '89402000'])('accepts %p', (phone) =>
    expect(isPhoneNumber(phone)).toBe(true),
  );
  it.each(['call me', '+', '112', '++49 30 1234', '+45 89 40 20 00 ext. 12', '49+30 1234', '+45_89_40_20_00'])('rejects %p', (phone) => expect(isPhoneNumber(phone)).toBe(false));

  it('is described as the rule reads, in the refusal too', () => {
    expect(PHONE_FORMAT).toBe('digits, spaces, ( ) - . / and a leading +, at least 5 digits');
    const refusal = () => parsePartner({ name: 'Aarhus', kind: 'city', country: 'DK', contacts: [{ name: 'A', phone: 'call me' }] });
    expect(refusal).toThrow(`"call me" is not a phone number; use ${PHONE_FORMAT}, such as +45 89 40 20 00 or +1 (410) 555-0100`);
  });

  it('keeps a number with brackets and hyphens exactly as written', () => {
    const parsed = parsePartner({ name: 'Aarhus', kind: 'city', country: 'DK', contacts: [{ name: 'A', phone: ' +45 (89) 40-20-00 ' }] });
    expect(parsed.contacts[0]?.phone).toBe('+45 (89) 40-20-00');
  });
});
