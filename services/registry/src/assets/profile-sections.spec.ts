import { ASSET_TYPES } from './asset-catalogue';
import { PROFILE_SECTIONS, profileSectionOf, sectionTypes } from './profile-sections';

describe('country profile sections', () => {
  it('lists export sectors, FDI both ways and cultural connections apart, and any other asset under other assets', () => {
    expect(profileSectionOf('export-sector')).toBe('exports');
    expect(profileSectionOf('inbound-fdi')).toBe('fdiInbound');
    expect(profileSectionOf('outbound-fdi')).toBe('fdiOutbound');
    expect(['diaspora-community', 'immigrant-population', 'cultural-tie'].map((type) => profileSectionOf(type as never))).toEqual([
      'culturalConnections',
      'culturalConnections',
      'culturalConnections',
    ]);
    expect(profileSectionOf('university')).toBe('otherAssets');
    expect(sectionTypes('culturalConnections')).toEqual(['diaspora-community', 'immigrant-population', 'cultural-tie']);
  });

  it('puts every asset type in exactly one section', () => {
    const listed = PROFILE_SECTIONS.flatMap((section) => sectionTypes(section));
    expect([...listed].sort()).toEqual([...ASSET_TYPES].sort());
  });
});
