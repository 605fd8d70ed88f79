import { mergePartnerContent } from './partner-merge';
import type { PartnerContact, PartnerContent } from '../partners/partner.rules';

const contact = (name: string, email: string | null = null): PartnerContact => ({ name, role: null, email, phone: null, notes: null });
const base: PartnerContent = { name: 'Aarhus', kind: 'city', country: null, wikidataId: null, website: null, notes: null, contacts: [] };

describe('mergePartnerContent', () => {
  it('keeps the survivor’s fields and fills its blanks from the merged partner', () => {
    const survivor = { ...base, country: 'DK', notes: 'Ours' };
    const merged = { ...base, name: 'Århus', country: 'SE', wikidataId: 'Q25319', website: 'https://aarhus.dk', notes: 'Theirs' };
    expect(mergePartnerContent(survivor, merged)).toEqual({
      set: { wikidataId: 'Q25319', website: 'https://aarhus.dk' },
      filledFields: ['wikidataId', 'website'],
    });
  });

  it('takes the country of the merged partner when the survivor has none', () => {
    expect(mergePartnerContent(base, { ...base, country: 'DK' })).toEqual({ set: { country: 'DK' }, filledFields: ['country'] });
  });

  it('unites contacts, the survivor’s first, the same name and address counted once', () => {
    const survivor = { ...base, contacts: [contact('Anne Jensen', 'anne@aarhus.dk'), contact('Mayor’s office')] };
    const merged = { ...base, contacts: [contact('anne jensen', 'ANNE@aarhus.dk'), contact('Anne Jensen', 'a.jensen@aarhus.dk'), contact('Press office')] };
    expect(mergePartnerContent(survivor, merged)).toEqual({
      set: {
        contacts: [contact('Anne Jensen', 'anne@aarhus.dk'), contact('Mayor’s office'), contact('Anne Jensen', 'a.jensen@aarhus.dk'), contact('Press office')],
      },
      filledFields: ['contacts'],
    });
  });

  it('changes nothing when the merged partner adds nothing, and reads older records without the newer fields', () => {
    expect(mergePartnerContent({ ...base, country: 'DK' }, { name: 'Aarhus', kind: 'city', country: 'DK' })).toEqual({ set: {}, filledFields: [] });
  });
});
