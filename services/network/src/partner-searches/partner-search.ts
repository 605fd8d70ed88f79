import { isIsoCountryCode } from '@entente/contracts';
import { ConflictError, ForbiddenError } from '@entente/errors';
import { Problems, readChoice, readText } from '@entente/validation';

/**
 * "Seeking partners" (issue 11): a member posts what it looks for in one of
 * its networks — a partner city in a country, or a co-applicant for a call —
 * and the network's other members answer.
 */
export const PARTNER_SEARCH_KINDS = ['partner-city', 'co-applicant'] as const;
export type PartnerSearchKind = (typeof PARTNER_SEARCH_KINDS)[number];

export const DESCRIPTION_MAX = 1000;
export const MESSAGE_MAX = 1000;
/** Answers one post holds at most: a network has about 200 members; more is a loop, not interest. */
export const ANSWERS_MAX = 200;

export interface PartnerSearchAnswer {
  jurisdictionId: string;
  message: string;
  byUserId: string;
  at: Date;
}

export interface PartnerSearchContent {
  kind: PartnerSearchKind;
  /** ISO 3166-1 alpha-2: where a partner city is sought (required for partner-city). */
  country: string | null;
  /** The funding call a co-applicant is sought for (required for co-applicant). */
  opportunityId: string | null;
  description: string;
}

export interface PartnerSearch extends PartnerSearchContent {
  jurisdictionId: string;
  searchId: string;
  networkId: string;
  status: 'open' | 'closed';
  postedBy: string;
  postedAt: Date;
  answers: PartnerSearchAnswer[];
}

export interface PartnerSearchInput {
  kind?: unknown;
  country?: unknown;
  opportunityId?: unknown;
  description?: unknown;
}

/** What a post says, checked: its kind, the country or call the kind needs, a description. */
export function parsePartnerSearch(input: PartnerSearchInput): PartnerSearchContent {
  const problems = new Problems();
  const kind = readChoice(problems, 'kind', input.kind, PARTNER_SEARCH_KINDS) as PartnerSearchKind | null;
  const countryText = readText(problems, 'country', input.country, { max: 2, singleLine: true, required: kind === 'partner-city' });
  const country = countryText?.toUpperCase() ?? null;
  if (country !== null && !isIsoCountryCode(country)) problems.add('country', 'must be an ISO 3166-1 alpha-2 code such as PL');
  const opportunityId = readText(problems, 'opportunityId', input.opportunityId, { max: 200, singleLine: true, required: kind === 'co-applicant' });
  const description = readText(problems, 'description', input.description, { max: DESCRIPTION_MAX, required: true });
  problems.throwIfAny();
  return { kind: kind as PartnerSearchKind, country, opportunityId, description: description as string };
}

/** Another member answers an open post; the poster does not answer itself. */
export function answerOf(search: PartnerSearch, jurisdictionId: string, message: unknown, byUserId: string, at: Date): PartnerSearchAnswer {
  const problems = new Problems();
  const text = readText(problems, 'message', message, { max: MESSAGE_MAX, required: true });
  problems.throwIfAny();
  if (search.jurisdictionId === jurisdictionId) throw new ForbiddenError('your jurisdiction posted this search; other members answer it');
  if (search.status !== 'open') throw new ConflictError(`partner search ${search.searchId} is closed`);
  if (search.answers.length >= ANSWERS_MAX) throw new ConflictError(`partner search ${search.searchId} holds the most answers it may (${ANSWERS_MAX})`);
  return { jurisdictionId, message: text as string, byUserId, at };
}

/** The poster closes its post (found a partner, or gave up). */
export function checkClose(search: PartnerSearch, jurisdictionId: string): void {
  if (search.jurisdictionId !== jurisdictionId) throw new ForbiddenError('only the jurisdiction that posted a search closes it');
  if (search.status !== 'open') throw new ConflictError(`partner search ${search.searchId} is already closed`);
}
