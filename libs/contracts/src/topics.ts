/**
 * Every Kafka topic in the platform, in one place. The version is part of the
 * name: a breaking change to what a topic carries is a new topic, so old and
 * new consumers can run side by side during a migration. Topics are per
 * aggregate type and keyed by aggregate id, which keeps one aggregate's events
 * in order.
 */
export const TOPICS = {
  registryPartner: 'registry.partner.v1',
  registryJurisdiction: 'registry.jurisdiction.v1',
  registryRelationship: 'registry.relationship.v1',
  registryEngagement: 'registry.engagement.v1',
  registryAsset: 'registry.asset.v1',
  planningPriority: 'planning.priority.v1',
  planningPlan: 'planning.plan.v1',
  planningActivity: 'planning.activity.v1',
  networkMembership: 'network.membership.v1',
  networkJointEffort: 'network.joint-effort.v1',
  fundingApplication: 'funding.application.v1',
  fundingOpportunity: 'funding.opportunity.v1',
  fundingScouting: 'funding.scouting.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const DEAD_LETTER_SUFFIX = '.dlq';

/** The dead-letter topic where messages that keep failing on `topic` are parked. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}
