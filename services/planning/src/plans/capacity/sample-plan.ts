/**
 * A deterministic plan of any size that looks like a city's international
 * office plan (a Rostock: delegations, missions, exchanges, a few PR
 * statements and applications) and is over budget and staff by about 15 %,
 * with a little external funding not yet planned. The benchmarks and specs
 * build on it, so the same count always gives the same plan.
 */

import { seededRandom } from '@entente/random';
import type { Activity, ActivityMode, ActivityType, BudgetLine, Frequency, PlanContent } from '../plan-content';
import { capacityTotals } from './capacity-totals';

/** How much the sample's cost and staff-days exceed what it makes available. */
export const SAMPLE_PLAN_OVERRUN = 0.15;

interface TypeProfile {
  type: ActivityType;
  weight: number;
  label: string;
  frequencies: Frequency[];
  modes: ActivityMode[];
  /** Own, external and partner cost per occurrence as [min, max] in hundreds. */
  own: [number, number];
  external: [number, number];
  partner: [number, number];
  staffDays: [number, number];
}

const PROFILES: TypeProfile[] = [
  { type: 'outbound-delegation', weight: 12, label: 'Delegation to', frequencies: ['annual', 'annual', 'biennial', 'one-off'], modes: ['in-person'], own: [60, 200], external: [0, 0], partner: [0, 20], staffDays: [4, 10] },
  { type: 'hosted-visit', weight: 10, label: 'Visit from', frequencies: ['one-off', 'annual'], modes: ['in-person'], own: [20, 60], external: [0, 0], partner: [0, 10], staffDays: [2, 5] },
  { type: 'trade-mission', weight: 8, label: 'Trade mission to', frequencies: ['annual', 'biennial'], modes: ['in-person', 'hybrid'], own: [80, 250], external: [0, 80], partner: [0, 40], staffDays: [6, 12] },
  { type: 'online-event', weight: 10, label: 'Webinar with', frequencies: ['quarterly', 'one-off'], modes: ['virtual'], own: [2, 8], external: [0, 0], partner: [0, 0], staffDays: [1, 2] },
  { type: 'youth-exchange', weight: 8, label: 'Youth exchange with', frequencies: ['annual', 'biennial'], modes: ['in-person'], own: [30, 80], external: [20, 60], partner: [0, 20], staffDays: [3, 6] },
  { type: 'school-partnership', weight: 8, label: 'School partnership with', frequencies: ['annual', 'quarterly'], modes: ['hybrid', 'in-person'], own: [5, 20], external: [0, 10], partner: [0, 0], staffDays: [1, 3] },
  { type: 'cultural-event', weight: 10, label: 'Cultural week with', frequencies: ['annual', 'one-off'], modes: ['in-person', 'hybrid'], own: [40, 120], external: [0, 30], partner: [10, 40], staffDays: [3, 8] },
  { type: 'informational-event', weight: 10, label: 'Information evening on', frequencies: ['quarterly', 'annual'], modes: ['in-person', 'hybrid'], own: [10, 30], external: [0, 0], partner: [0, 0], staffDays: [1, 3] },
  { type: 'pr-statement', weight: 8, label: 'Statement on', frequencies: ['one-off', 'annual'], modes: ['pr-only'], own: [0, 3], external: [0, 0], partner: [0, 0], staffDays: [0, 1] },
  { type: 'funding-application', weight: 6, label: 'Funding application with', frequencies: ['one-off'], modes: ['virtual'], own: [0, 0], external: [0, 0], partner: [0, 0], staffDays: [3, 8] },
  { type: 'staff-exchange', weight: 10, label: 'Staff exchange with', frequencies: ['annual', 'one-off'], modes: ['in-person'], own: [20, 50], external: [0, 20], partner: [0, 10], staffDays: [5, 10] },
];

const TOTAL_WEIGHT = PROFILES.reduce((sum, profile) => sum + profile.weight, 0);

const PLACES: ReadonlyArray<{ city: string; country: string }> = [
  { city: 'Aarhus', country: 'DK' },
  { city: 'Bergen', country: 'NO' },
  { city: 'Turku', country: 'FI' },
  { city: 'Riga', country: 'LV' },
  { city: 'Szczecin', country: 'PL' },
  { city: 'Gdańsk', country: 'PL' },
  { city: 'Klaipėda', country: 'LT' },
  { city: 'Antwerp', country: 'BE' },
  { city: 'Rijeka', country: 'HR' },
  { city: 'Dalian', country: 'CN' },
  { city: 'Raleigh', country: 'US' },
  { city: 'Göteborg', country: 'SE' },
];

const PRIORITY_IDS = ['priority-maritime-trade', 'priority-youth-mobility', 'priority-culture-and-heritage', 'priority-green-ports'];

export function samplePlan(activityCount: number, year = 2027): PlanContent {
  const random = seededRandom(activityCount * 7919 + year);
  const between = ([min, max]: [number, number]): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const activities: Activity[] = [];
  for (let index = 0; index < activityCount; index += 1) {
    let roll = random() * TOTAL_WEIGHT;
    const profile = PROFILES.find((candidate) => (roll -= candidate.weight) < 0) ?? PROFILES[PROFILES.length - 1];
    const place = pick(PLACES);
    const frequency = pick(profile.frequencies);
    const month = 1 + Math.floor(random() * 11);
    const statusRoll = random();
    const priorityRoll = random();
    activities.push({
      activityId: `act-${String(index + 1).padStart(4, '0')}`,
      title: `${profile.label} ${place.city} (${index + 1})`,
      type: profile.type,
      // About one in twelve serves no priority: near the allowance, as offices are.
      priorityIds: priorityRoll < 0.08 ? [] : priorityRoll < 0.25 ? [pick(PRIORITY_IDS), pick(PRIORITY_IDS)].filter((id, i, all) => all.indexOf(id) === i) : [pick(PRIORITY_IDS)],
      partnerIds: profile.type === 'pr-statement' ? [] : [`partner-${place.city.toLowerCase()}`],
      country: profile.type === 'pr-statement' ? null : place.country,
      city: profile.type === 'pr-statement' ? null : place.city,
      windowStart: frequency === 'quarterly' ? `${year}-01-01` : `${year}-${String(month).padStart(2, '0')}-01`,
      windowEnd: frequency === 'quarterly' ? `${year}-12-31` : `${year}-${String(month + 1).padStart(2, '0')}-28`,
      frequency,
      cycleYear: frequency === 'biennial' ? (random() < 0.5 ? year : year - 1) : null,
      mode: pick(profile.modes),
      costPerOccurrence: { own: between(profile.own) * 100, external: between(profile.external) * 100, partner: between(profile.partner) * 100 },
      staffDaysPerOccurrence: profile.type === 'pr-statement' ? 0.5 : between(profile.staffDays),
      implementers: profile.type === 'youth-exchange' || profile.type === 'school-partnership' ? [{ name: `${place.city} partner school`, kind: 'school' }] : [],
      leadDepartment: profile.type === 'trade-mission' ? 'Economic development' : 'International office',
      status: statusRoll < 0.04 ? 'done' : statusRoll < 0.3 ? 'confirmed' : 'planned',
      outcomes: null,
      actualCost: null,
      actualStaffDays: null,
      jointEffortProposed: false,
      origin: null,
    });
  }
  return withBudgetShortBy(SAMPLE_PLAN_OVERRUN, {
    year,
    currency: 'EUR',
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    budgetLines: [],
    staffDaysAvailable: 0,
    opportunisticAllowance: Math.max(2, Math.ceil(activityCount * 0.1)),
    occasions: [],
    activities,
  });
}

/**
 * Budget lines and staff-days so the plan is `overrun` over in total: the
 * own budget carries the gap, external lines leave a little slack (so
 * external funding is a remedy) and partner lines match what partners cover.
 */
function withBudgetShortBy(overrun: number, content: PlanContent): PlanContent {
  const { planned, plannedTotal, staffDaysPlanned } = capacityTotals(content);
  const availableTotal = plannedTotal / (1 + overrun);
  const external = Math.round((planned.external + availableTotal * 0.03) / 100) * 100;
  const partner = Math.round(planned.partner / 100) * 100;
  const own = Math.max(0, Math.round((availableTotal - external - partner) / 100) * 100);
  const lines: BudgetLine[] = [
    { lineId: 'line-own', source: 'own', label: 'City budget for international relations', amount: own, fundingReference: null },
    { lineId: 'line-external', source: 'external', label: 'Interreg Baltic Sea Region grant', amount: external, fundingReference: null },
    { lineId: 'line-partner', source: 'partner', label: 'Costs partners cover', amount: partner, fundingReference: null },
  ];
  return { ...content, budgetLines: lines, staffDaysAvailable: Math.floor(staffDaysPlanned / (1 + overrun)) };
}
