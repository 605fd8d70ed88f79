import { ASSET_FIELDS } from './asset-fields';
import { fieldErrorsOf } from './field-errors';

describe('the API’s refusal placed at the asset form’s fields', () => {
  it('puts every listed problem at the field it names', () => {
    const found = fieldErrorsOf(ASSET_FIELDS, [
      {
        message: 'countries: must be ISO codes; asOf: is required',
        extensions: { code: 'BAD_USER_INPUT', field: 'countries', problems: [{ field: 'countries', message: 'must be ISO codes' }, { field: 'asOf', message: 'is required' }] },
      },
    ]);
    expect(found).toEqual({ byField: { countries: 'must be ISO codes', asOf: 'is required' }, general: [] });
  });

  it('uses extensions.field when no problems are listed, and joins two problems of one field', () => {
    expect(fieldErrorsOf(ASSET_FIELDS, [{ message: 'too long', extensions: { field: 'name' } }]).byField).toEqual({ name: 'too long' });
    expect(fieldErrorsOf(ASSET_FIELDS, [{ message: 'x', extensions: { problems: [{ field: 'magnitude.unit', message: 'a' }, { field: 'magnitude.unit', message: 'b' }] } }]).byField).toEqual({ 'magnitude.unit': 'a; b' });
  });

  it('keeps what names no field of the form as a general message', () => {
    expect(fieldErrorsOf(ASSET_FIELDS, [{ message: 'You may not do that', extensions: { code: 'FORBIDDEN' } }, { message: 'odd', extensions: { field: 'input.secret' } }])).toEqual({ byField: {}, general: ['You may not do that', 'odd'] });
  });
});
