/**
 * How well an incoming visit request fits (Wales hosts only the visits that
 * fit its priorities): up to 60 points for the best-matching active priority
 * — 35 for its target country, 15 for its sector, 10 for a theme the purpose
 * names — and up to 40 for the plan's remaining capacity: 20 if the own
 * budget left covers the hosting cost, 20 if the staff-days left cover the
 * hosting days. The sentence explains the score in the words a person reads.
 */
export interface VisitFacts {
  country: string;
  sector: string | null;
  purpose: string;
  estimatedCost: number;
  estimatedStaffDays: number;
}

export interface PriorityFacts {
  priorityId: string;
  title: string;
  countries: string[];
  sectors: string[];
  themes: string[];
}

export interface CapacityLeft {
  year: number;
  currency: string;
  ownBudgetLeft: number;
  staffDaysLeft: number;
}

export interface VisitFit {
  score: number;
  priorityId: string | null;
  explanation: string;
}

export const COUNTRY_POINTS = 35;
export const SECTOR_POINTS = 15;
export const THEME_POINTS = 10;
export const BUDGET_POINTS = 20;
export const STAFF_POINTS = 20;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function scoreVisit(visit: VisitFacts, priorities: readonly PriorityFacts[], capacity: CapacityLeft | null): VisitFit {
  let best: { priority: PriorityFacts; points: number; reasons: string[] } | null = null;
  for (const priority of priorities) {
    const reasons: string[] = [];
    let points = 0;
    if (priority.countries.includes(visit.country)) {
      points += COUNTRY_POINTS;
      reasons.push(`targets ${visit.country}`);
    }
    if (visit.sector && priority.sectors.some((s) => same(s, visit.sector as string))) {
      points += SECTOR_POINTS;
      reasons.push(`covers ${visit.sector}`);
    }
    const theme = priority.themes.find((t) => visit.purpose.toLowerCase().includes(t.trim().toLowerCase()));
    if (theme) {
      points += THEME_POINTS;
      reasons.push(`has the theme ${theme}`);
    }
    if (points > 0 && (!best || points > best.points)) best = { priority, points, reasons };
  }
  const parts: string[] = [];
  parts.push(best ? `Priority “${best.priority.title}” ${best.reasons.join(' and ')}` : 'No active priority targets this country, sector or purpose');
  let capacityPoints = 0;
  if (!capacity) {
    parts.push('there is no plan for the visit’s year to host it from');
  } else {
    const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: capacity.currency, maximumFractionDigits: 0 });
    const budgetFits = capacity.ownBudgetLeft >= visit.estimatedCost;
    const staffFits = capacity.staffDaysLeft >= visit.estimatedStaffDays;
    capacityPoints = (budgetFits ? BUDGET_POINTS : 0) + (staffFits ? STAFF_POINTS : 0);
    const left = `the ${capacity.year} plan has ${money.format(Math.max(0, capacity.ownBudgetLeft))} and ${Math.max(0, capacity.staffDaysLeft)} staff-days left`;
    const need = `hosting needs ${money.format(visit.estimatedCost)} and ${visit.estimatedStaffDays} staff-days`;
    parts.push(budgetFits && staffFits ? `${left}, enough for hosting (${need.replace('hosting needs ', '')})` : `${left} but ${need}`);
  }
  const score = (best?.points ?? 0) + capacityPoints;
  return { score, priorityId: best?.priority.priorityId ?? null, explanation: `${parts.join('; ')}: ${score}/100.` };
}
