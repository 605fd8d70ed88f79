import { scoreVisit } from './visit-fit';

const wind = { priorityId: 'p1', title: 'Offshore wind partnerships', countries: ['DK', 'DE'], sectors: ['Wind energy'], themes: ['offshore wind', 'ports'] };
const culture = { priorityId: 'p2', title: 'Welsh language and culture', countries: ['AR'], sectors: ['Culture'], themes: ['language'] };
const visit = { country: 'DK', sector: 'wind energy', purpose: 'Study visit on offshore wind ports', estimatedCost: 1500, estimatedStaffDays: 3 };

describe('visit request fit', () => {
  it('scores a visit on the best priority and the plan capacity left, and says why', () => {
    const fit = scoreVisit(visit, [culture, wind], { year: 2027, currency: 'GBP', ownBudgetLeft: 8000, staffDaysLeft: 12 });
    expect(fit).toEqual({
      score: 100,
      priorityId: 'p1',
      explanation: 'Priority “Offshore wind partnerships” targets DK and covers wind energy and has the theme offshore wind; the 2027 plan has £8,000 and 12 staff-days left, enough for hosting (£1,500 and 3 staff-days): 100/100.',
    });
  });

  it('scores a visit no priority serves by capacity only', () => {
    const fit = scoreVisit({ ...visit, country: 'BR', sector: null, purpose: 'Courtesy call' }, [wind], { year: 2027, currency: 'GBP', ownBudgetLeft: 1000, staffDaysLeft: 12 });
    expect(fit.score).toBe(20);
    expect(fit.priorityId).toBeNull();
    expect(fit.explanation).toBe('No active priority targets this country, sector or purpose; the 2027 plan has £1,000 and 12 staff-days left but hosting needs £1,500 and 3 staff-days: 20/100.');
  });

  it('says when there is no plan to host the visit from', () => {
    expect(scoreVisit(visit, [wind], null).explanation).toMatch(/there is no plan for the visit’s year to host it from: 60\/100\.$/);
  });
});
