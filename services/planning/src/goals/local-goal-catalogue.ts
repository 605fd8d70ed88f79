import type { LocalGoalKind } from '@entente/contracts';
/**
 * The local goals an international strategy must demonstrably advance (brief
 * 1.1, "Connect international ambitions to local priorities and needs").
 * Jurisdictions add custom goals on top of these.
 */
export { LOCAL_GOAL_KINDS, type LocalGoalKind } from '@entente/contracts';

export interface LocalGoalDefinition {
  kind: LocalGoalKind;
  title: string;
  examples: string;
}

export const LOCAL_GOAL_CATALOGUE: readonly LocalGoalDefinition[] = [
  {
    kind: 'economic-development-and-trade',
    title: 'Economic development and trade',
    examples: 'Export promotion, inbound investment, trade missions, market access for local firms',
  },
  {
    kind: 'infrastructure-and-service-delivery',
    title: 'Infrastructure and service delivery',
    examples: 'Peer learning on transport, water, housing and digital public services',
  },
  {
    kind: 'workforce-development',
    title: 'Workforce development',
    examples: 'Talent pipelines, skills exchanges, international students and recognition of qualifications',
  },
  {
    kind: 'sustainability',
    title: 'Sustainability',
    examples: 'Climate targets, energy transition, resilience to extreme weather',
  },
  {
    kind: 'social-inclusion',
    title: 'Social inclusion',
    examples: 'Diaspora and immigrant communities, youth and school exchanges, cultural programmes',
  },
];
