import type { JurisdictionLevel } from '@entente/contracts';
import type { ApplicantType } from '../opportunities/opportunity';

/**
 * One spelling for a theme, sector or keyword on both sides of a match:
 * planning's "Regional development" and a source's `regional-development`
 * are the same term.
 */
export function normaliseTerm(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A term as a person reads it: `regional-development` → regional development. */
export function termWords(term: string): string {
  return term.replace(/-/g, ' ');
}

/**
 * The applicant types a government of each level applies as. `local-governments`
 * is the general word feeds and the EU portal use for cities, counties and
 * their like; `regional-governments` theirs for states, provinces and regions.
 */
export const APPLICANT_TYPES_BY_LEVEL: Readonly<Record<JurisdictionLevel, readonly ApplicantType[]>> = {
  city: ['city-or-township-governments', 'local-governments'],
  county: ['county-governments', 'local-governments'],
  'state-or-province': ['state-governments', 'regional-governments'],
  region: ['regional-governments', 'local-governments'],
  other: ['local-governments'],
};

/** How an applicant type reads in an explanation. */
export const APPLICANT_TYPE_LABELS: Readonly<Partial<Record<ApplicantType, string>>> = {
  'city-or-township-governments': 'city or township governments',
  'county-governments': 'county governments',
  'state-governments': 'state governments',
  'local-governments': 'local governments',
  'regional-governments': 'regional governments',
};

export function applicantTypeLabel(type: ApplicantType): string {
  return APPLICANT_TYPE_LABELS[type] ?? termWords(type);
}
