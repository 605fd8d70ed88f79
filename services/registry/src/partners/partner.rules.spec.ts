import { ValidationError } from '@entente/errors';
import { parseRegisterPartner } from './partner.rules';

describe('parseRegisterPartner', () => {
  it('normalises the name and the country code', () => {
    expect(parseRegisterPartner({ name: '  Aarhus   Kommune ', kind: 'city', country: 'dk' })).toEqual({
      name: 'Aarhus Kommune',
      kind: 'city',
      country: 'DK',
    });
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
    try {
      parseRegisterPartner({ name: ' ', kind: 'village', country: 'ZZ' });
      throw new Error('expected a validation error');
    } catch (error) {
      expect((error as ValidationError).problems.map((p) => p.field)).toEqual(['name', 'kind', 'country']);
    }
  });

  it('rejects a name longer than 200 characters', () => {
    expect(() => parseRegisterPartner({ name: 'x'.repeat(201), kind: 'city', country: 'FR' })).toThrow('name: must be at most 200');
  });
});
