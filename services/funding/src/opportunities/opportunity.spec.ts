import { FUNDER_KINDS } from '@entente/contracts';
import { FUNDER_TYPES } from '../funders/funder-types';
import { opportunityIdOf } from './opportunity';

describe('the opportunity model', () => {
  it('classifies funders by the kinds the events carry', () => {
    expect(FUNDER_TYPES.map((type) => type.kind)).toEqual([...FUNDER_KINDS]);
  });

  it('keys an opportunity by its source and its id there', () => {
    expect(opportunityIdOf('grants-gov', '352871')).toBe('grants-gov:352871');
  });
});
