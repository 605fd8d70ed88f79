import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isIsoCountryCode, isIsoCurrencyCode, JURISDICTION_ID_PATTERN } from '@entente/contracts';
import { jurisdictionSlug, readEurocitiesMembers } from './eurocities-seed';

const FILE = join(__dirname, '../../../../shared/data/eurocities/members.json');

describe('the Eurocities members file, as the seed reads it', () => {
  const { members, skipped } = readEurocitiesMembers(readFileSync(FILE, 'utf8'), 'ec-');

  it('places every member in a country it knows, with a valid id, time zone, currency and language', () => {
    expect(skipped).toEqual([]);
    expect(members).toHaveLength(209);
    expect(new Set(members.map((m) => m.jurisdictionId)).size).toBe(members.length);
    for (const member of members) {
      expect(member.jurisdictionId).toMatch(JURISDICTION_ID_PATTERN);
      expect(isIsoCountryCode(member.country)).toBe(true);
      expect(isIsoCurrencyCode(member.currency)).toBe(true);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: member.timeZone })).not.toThrow();
    }
    expect(members.find((m) => m.name === 'Karlsruhe')).toMatchObject({ jurisdictionId: 'ec-karlsruhe', country: 'DE', currency: 'EUR', wikidataId: 'Q1040', population: 309964 });
  });

  it('makes ASCII slugs of names with diacritics', () => {
    expect(jurisdictionSlug('Kadıköy')).toBe('kadikoy');
    expect(jurisdictionSlug('Reggio nell’Emilia', 'x-')).toBe('x-reggio-nell-emilia');
  });
});
