/**
 * The planning words other services read in planning's events: what kind of
 * activity, how often, in what mode, with what focus. Planning stores the same
 * values (services/planning imports these lists), so the two cannot drift. A
 * new value is an additive change for consumers that ignore unknown ones; a
 * rename or removal is a new event version.
 */

export const ACTIVITY_TYPES = [
  'outbound-delegation',
  'hosted-visit',
  'trade-mission',
  'online-event',
  'youth-exchange',
  'school-partnership',
  'cultural-event',
  'informational-event',
  'pr-statement',
  'funding-application',
  'staff-exchange',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** How often an activity happens. */
export const FREQUENCIES = ['one-off', 'quarterly', 'annual', 'biennial'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const ACTIVITY_MODES = ['in-person', 'virtual', 'hybrid', 'pr-only'] as const;
export type ActivityMode = (typeof ACTIVITY_MODES)[number];

export const ACTIVITY_STATUSES = ['planned', 'confirmed', 'done', 'reduced', 'postponed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Why a priority was chosen (brief 1.1): a policy priority both sides share, economies that complement each other, or cultural ties. */
export const PRIORITY_FOCI = ['shared-policy-priority', 'economic-complementarity', 'cultural-ties'] as const;
export type PriorityFocus = (typeof PRIORITY_FOCI)[number];

/** The five standard kinds of local goal; custom goals are `custom`. */
export const LOCAL_GOAL_KINDS = [
  'economic-development-and-trade',
  'infrastructure-and-service-delivery',
  'workforce-development',
  'sustainability',
  'social-inclusion',
] as const;
export type LocalGoalKind = (typeof LOCAL_GOAL_KINDS)[number];

export const PLAN_STATUSES = ['draft', 'in-review', 'approved', 'active', 'closed', 'superseded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
