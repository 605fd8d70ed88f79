import type { Opportunity, OpportunityVersion } from './opportunity';
import type { OpportunityView } from './opportunity.model';

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function toOpportunityView(opportunity: Opportunity & { versions?: OpportunityVersion[] }): OpportunityView {
  return {
    id: opportunity.opportunityId,
    sourceId: opportunity.sourceId,
    sourceKind: opportunity.sourceKind,
    sourceRecordId: opportunity.sourceRecordId,
    title: opportunity.title,
    reference: opportunity.reference,
    funder: opportunity.funder,
    funderType: opportunity.funderType,
    description: opportunity.description,
    url: opportunity.url,
    status: opportunity.status,
    postedAt: opportunity.postedAt,
    closesAt: opportunity.closesAt,
    timeZone: opportunity.timeZone,
    award: { floor: opportunity.award.floor, ceiling: opportunity.award.ceiling, total: opportunity.award.total, currency: opportunity.award.currency },
    costSharing: opportunity.costSharing,
    eligibleApplicantTypes: opportunity.eligibleApplicantTypes,
    eligibleCountries: opportunity.eligibleCountries,
    eligibilityText: opportunity.eligibilityText,
    themes: opportunity.themes,
    jointBidsAllowed: opportunity.jointBidsAllowed,
    version: opportunity.version,
    firstSeenAt: opportunity.firstSeenAt,
    updatedAt: opportunity.updatedAt,
    versions: opportunity.versions
      ? opportunity.versions.map((version) => ({
          version: version.version,
          seenAt: version.seenAt,
          runId: version.runId,
          changes: version.changes.map((change) => ({ field: change.field, from: asText(change.from), to: asText(change.to) })),
        }))
      : null,
  };
}
