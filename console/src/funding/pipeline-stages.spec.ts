import { isFinal, needsDetails, STAGE_MOVES, STAGES, stageTotals } from './pipeline-stages';

describe('the pipeline’s stages in the console', () => {
  it('offers the moves the funding service allows, none from a final stage', () => {
    expect(STAGE_MOVES.INTERESTED).toEqual(['PREPARING', 'NOT_PURSUED']);
    expect(STAGE_MOVES.PREPARING).toEqual(['INTERESTED', 'SUBMITTED', 'NOT_PURSUED']);
    expect(STAGE_MOVES.SUBMITTED).toEqual(['AWARDED', 'DECLINED', 'NOT_PURSUED']);
    expect(STAGES.filter(isFinal)).toEqual(['AWARDED', 'DECLINED', 'NOT_PURSUED']);
    expect(STAGES.filter(needsDetails)).toEqual(['AWARDED', 'NOT_PURSUED']);
  });

  it('adds up requests in the jurisdiction’s currency and awards at their local value, counting requests in other currencies apart', () => {
    const { totals, foreign } = stageTotals(
      [
        { stage: 'INTERESTED', amountRequested: { amount: 10000, currency: 'EUR' } },
        { stage: 'INTERESTED', amountRequested: { amount: 5000, currency: 'USD' } },
        { stage: 'INTERESTED', amountRequested: null },
        { stage: 'AWARDED', amountRequested: { amount: 25000, currency: 'USD' }, amountAwardedLocal: 23000 },
        { stage: 'AWARDED', amountRequested: { amount: 8000, currency: 'EUR' }, amountAwardedLocal: 7500 },
      ],
      'EUR',
    );
    expect(foreign).toBe(2);
    expect(totals.find((total) => total.stage === 'INTERESTED')).toEqual({ stage: 'INTERESTED', count: 3, requested: 10000, awarded: 0 });
    expect(totals.find((total) => total.stage === 'AWARDED')).toEqual({ stage: 'AWARDED', count: 2, requested: 8000, awarded: 30500 });
    expect(totals.map((total) => total.stage)).toEqual(STAGES);
  });
});
