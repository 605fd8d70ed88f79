import { ConflictError } from '@entente/errors';
import { assertPlanTransition, editTarget } from './plan-lifecycle';

describe('plan lifecycle', () => {
  it('edits a draft in place and starts the next version after approval', () => {
    expect(editTarget(2027, { version: 1, status: 'draft' })).toEqual({ kind: 'in-place', version: 1 });
    expect(editTarget(2027, { version: 1, status: 'approved' })).toEqual({ kind: 'new-version', from: 1, version: 2 });
    expect(editTarget(2027, { version: 3, status: 'active' })).toEqual({ kind: 'new-version', from: 3, version: 4 });
  });

  it('freezes a version in review and a closed plan, saying what to do', () => {
    expect(() => editTarget(2027, { version: 2, status: 'in-review' })).toThrow(/in review; an executive approves it or returns it/);
    expect(() => editTarget(2027, { version: 2, status: 'closed' })).toThrow(ConflictError);
  });

  it('allows only the documented transitions', () => {
    expect(() => assertPlanTransition(2027, 1, 'draft', 'in-review')).not.toThrow();
    expect(() => assertPlanTransition(2027, 1, 'in-review', 'approved')).not.toThrow();
    expect(() => assertPlanTransition(2027, 1, 'draft', 'approved')).toThrow('plan 2027 version 1 is draft and cannot become approved (from draft it can become in-review)');
    expect(() => assertPlanTransition(2027, 1, 'closed', 'active')).toThrow('(closed is final)');
  });
});
