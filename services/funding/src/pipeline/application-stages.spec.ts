import { ConflictError } from '@entente/errors';
import { APPLICATION_STAGES, assertStageMove, STAGE_MOVES } from './application-stages';

describe('the pipeline’s stage moves', () => {
  it('follows interested → preparing → submitted → awarded', () => {
    expect(() => assertStageMove('Interreg', 'interested', 'preparing')).not.toThrow();
    expect(() => assertStageMove('Interreg', 'preparing', 'submitted')).not.toThrow();
    expect(() => assertStageMove('Interreg', 'submitted', 'awarded')).not.toThrow();
    expect(() => assertStageMove('Interreg', 'submitted', 'declined')).not.toThrow();
  });

  it('lets an application be dropped at any stage before a decision, and parked back from preparing', () => {
    for (const from of ['interested', 'preparing', 'submitted'] as const) expect(() => assertStageMove('x', from, 'not-pursued')).not.toThrow();
    expect(() => assertStageMove('x', 'preparing', 'interested')).not.toThrow();
  });

  it('refuses skipping a stage, naming where it can go', () => {
    expect(() => assertStageMove('Interreg', 'interested', 'awarded')).toThrow(new ConflictError('application “Interreg” is interested; from there it can move to preparing or not pursued, not awarded'));
    expect(() => assertStageMove('Interreg', 'submitted', 'preparing')).toThrow('can move to awarded, declined or not pursued, not preparing');
  });

  it('keeps final stages final and refuses a move to the same stage', () => {
    for (const from of ['awarded', 'declined', 'not-pursued'] as const) {
      expect(STAGE_MOVES[from]).toEqual([]);
      expect(() => assertStageMove('Interreg', from, 'interested')).toThrow('which is final');
    }
    expect(() => assertStageMove('Interreg', 'submitted', 'submitted')).toThrow('is already submitted');
  });

  it('names every stage in the move table', () => {
    expect(Object.keys(STAGE_MOVES).sort()).toEqual([...APPLICATION_STAGES].sort());
  });
});
