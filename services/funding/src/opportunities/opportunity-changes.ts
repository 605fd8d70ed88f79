import { createHash } from 'node:crypto';
import type { OpportunityStateV1 } from '@entente/contracts';
import { CONTENT_FIELDS, type FieldChange, type Opportunity, type OpportunityContent } from './opportunity';

/** A value as plain JSON for comparing and storing: dates as ISO strings, object keys sorted, undefined as null. */
export function plainValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .filter((key) => key !== '_id')
        .sort()
        .map((key) => [key, plainValue((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The content's fingerprint: equal for equal content, whatever the key order or Date identity. */
export function contentHashOf(content: OpportunityContent): string {
  const hash = createHash('sha1');
  for (const field of CONTENT_FIELDS) hash.update(`${field}=${JSON.stringify(plainValue(content[field]))}\n`);
  return hash.digest('base64url');
}

/** The fields whose values differ, in the model's order, with both values. */
export function contentChanges(before: OpportunityContent, after: OpportunityContent): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of CONTENT_FIELDS) {
    const from = plainValue(before[field]);
    const to = plainValue(after[field]);
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}

export function contentOf(opportunity: OpportunityContent): OpportunityContent {
  return Object.fromEntries(CONTENT_FIELDS.map((field) => [field, opportunity[field]])) as unknown as OpportunityContent;
}

/** What opportunity events carry (the description stays in funding). */
export function opportunityState(opportunity: Opportunity): OpportunityStateV1 {
  return {
    opportunityId: opportunity.opportunityId,
    sourceId: opportunity.sourceId,
    sourceRecordId: opportunity.sourceRecordId,
    version: opportunity.version,
    title: opportunity.title.slice(0, 500),
    reference: opportunity.reference?.slice(0, 200) ?? null,
    funder: opportunity.funder.slice(0, 300),
    funderType: opportunity.funderType,
    url: opportunity.url && opportunity.url.length <= 2000 ? opportunity.url : null,
    status: opportunity.status,
    postedAt: opportunity.postedAt?.toISOString() ?? null,
    closesAt: opportunity.closesAt?.toISOString() ?? null,
    timeZone: opportunity.timeZone,
    award: { ...opportunity.award },
    costSharing: opportunity.costSharing,
    eligibleApplicantTypes: [...opportunity.eligibleApplicantTypes],
    eligibleCountries: [...opportunity.eligibleCountries],
    themes: opportunity.themes.map((theme) => theme.slice(0, 60)),
    jointBidsAllowed: opportunity.jointBidsAllowed,
  };
}
