import { createHash } from 'node:crypto';
import type { OpportunityStateV1 } from '@entente/contracts';
import type { SourceRecordKind } from '../source-records/source-record';

/**
 * What spotting proposes. One rule may propose either of two kinds (a shared
 * market is a trade office when members share sectors there, shared
 * representation otherwise), so a suggestion's identity is its key (rule and
 * subject), not its kind.
 */
export const SUGGESTION_KINDS = ['shared-trade-office', 'shared-representation', 'common-delegation', 'joint-bid', 'coordinated-engagement', 'host-too'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

/** The rules, one per question spotting asks of a network's shared data. */
export const SPOTTING_RULES = ['shared-market', 'common-delegation', 'joint-bid', 'engagement-city', 'engagement-country', 'host-too'] as const;
export type SpottingRule = (typeof SPOTTING_RULES)[number];

/** What one suggestion is about: a rule and its subject (a country, a city of a country, a call, a hosted visit). */
export type SuggestionSubject =
  | { rule: 'shared-market' | 'common-delegation' | 'engagement-country'; country: string }
  | { rule: 'engagement-city'; country: string; city: string }
  | { rule: 'joint-bid'; opportunityId: string }
  | { rule: 'host-too'; jurisdictionId: string; activityId: string };

/** The stable identity of a suggestion: the same subject always gives the same key, whatever the evidence. */
export function keyOf(subject: SuggestionSubject): string {
  const parts = (() => {
    switch (subject.rule) {
      case 'shared-market':
      case 'common-delegation':
      case 'engagement-country':
        return [subject.country];
      case 'engagement-city':
        return [subject.country, subject.city];
      case 'joint-bid':
        return [subject.opportunityId];
      case 'host-too':
        return [subject.jurisdictionId, subject.activityId];
    }
  })();
  return [subject.rule, ...parts.map(encodeURIComponent)].join('/');
}

/**
 * An open call as spotting needs it: the fields of funding's opportunity
 * state (issue 10), so funding's events feed it as they are.
 */
export type OpenCall = Pick<
  OpportunityStateV1,
  'opportunityId' | 'title' | 'funder' | 'status' | 'closesAt' | 'jointBidsAllowed' | 'eligibleApplicantTypes' | 'eligibleCountries' | 'themes'
>;

/**
 * What a network knows of a member beyond its shared records: its name and
 * country (the profile a jurisdiction shows its networks) and the applicant
 * types it counts as for funders (a city is a city-or-township government,
 * …). Unknown applicant types make a member eligible only for calls that do
 * not restrict applicant types.
 */
export interface MemberProfile {
  jurisdictionId: string;
  name: string;
  country: string | null;
  /** The Wikidata item of the member's own place, when its profile names one. */
  wikidataId: string | null;
  applicantTypes: readonly string[];
}

/** One shared record (or call) a suggestion rests on, summarised for a person. */
export interface Evidence {
  jurisdictionId: string | null;
  kind: SourceRecordKind | 'call';
  recordId: string;
  summary: string;
}

export interface Money {
  amount: number;
  currency: string;
}

export interface Dismissal {
  reason: string;
  byUserId: string;
  at: Date;
  /** The evidence the suggestion rested on when dismissed; different evidence brings it back. */
  fingerprint: string;
}

export interface Suggestion {
  key: string;
  networkId: string;
  subject: SuggestionSubject;
  kind: SuggestionKind;
  /** 0 to 100: how strong the case is, `scoreBasis` says why. */
  score: number;
  scoreBasis: string;
  /** The members involved, in the order of their first evidence. */
  members: string[];
  evidence: Evidence[];
  explanation: string;
  /** For a joint bid: when the call closes. */
  deadline: string | null;
  /** For a common delegation: the window all the delegations share. */
  window: { start: string; end: string } | null;
  /** For a common delegation: the estimate, null when fewer than two members shared a cost in one currency. */
  estimatedSaving: Money | null;
  sectors: string[];
  /** A digest of the evidence records as they are now (ids and every shared field). */
  fingerprint: string;
  status: 'open' | 'dismissed';
  dismissal: Dismissal | null;
}

/** A value as canonical JSON: object keys sorted, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fingerprint of evidence: the same records with the same shared fields give the same digest, in any order. */
export function fingerprintOf(parts: readonly unknown[]): string {
  return fingerprintOfLines(parts.map(canonicalJson));
}

/** The same digest from parts already in canonical JSON (callers that cache each part's text). */
export function fingerprintOfLines(lines: readonly string[]): string {
  return createHash('sha256').update([...lines].sort().join('\n')).digest('hex');
}
