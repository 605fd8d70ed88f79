import { memberProfileOf } from './member-profiles';

describe('a member’s profile for spotting', () => {
  it('counts a city as a city and local government, a jurisdiction of level other as no applicant type', () => {
    expect(memberProfileOf({ jurisdictionId: 'ams', name: 'Amsterdam', level: 'city', country: 'NL', wikidataId: 'q727' })).toEqual({
      jurisdictionId: 'ams',
      name: 'Amsterdam',
      country: 'NL',
      wikidataId: 'Q727',
      applicantTypes: ['city-or-township-governments', 'local-governments'],
    });
    expect(memberProfileOf({ jurisdictionId: 'x', name: 'X', level: 'other', country: 'NL', wikidataId: null }).applicantTypes).toEqual([]);
  });
});
