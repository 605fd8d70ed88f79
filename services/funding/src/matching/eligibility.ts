import type { JurisdictionLevel } from '@entente/contracts';
import type { ApplicantType, Opportunity } from '../opportunities/opportunity';
import { APPLICANT_TYPES_BY_LEVEL, applicantTypeLabel } from './match-terms';

/** What matching needs of an opportunity's eligibility. */
export type EligibilityFacts = Pick<Opportunity, 'eligibleApplicantTypes' | 'eligibleCountries'>;

/** What matching needs of a jurisdiction (from the jurisdiction directory). */
export interface MatchingJurisdiction {
  jurisdictionId: string;
  level: JurisdictionLevel;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/**
 * `eligible`: the call names an applicant type the jurisdiction is (or is
 * unrestricted); `unclear`: it names none, or only "others" (its text says
 * who); `ineligible`: it names types the jurisdiction is not, or countries
 * it is not in. `note` is the explanation's eligibility part.
 */
export interface Eligibility {
  verdict: 'eligible' | 'unclear' | 'ineligible';
  note: string;
}

export function eligibilityOf(opportunity: EligibilityFacts, jurisdiction: MatchingJurisdiction): Eligibility {
  const countries = opportunity.eligibleCountries;
  if (countries.length > 0 && !countries.includes(jurisdiction.country)) {
    return { verdict: 'ineligible', note: `not eligible: open to applicants in ${countries.slice(0, 5).join(', ')}${countries.length > 5 ? '…' : ''}` };
  }
  const types = opportunity.eligibleApplicantTypes;
  if (types.includes('unrestricted')) return { verdict: 'eligible', note: 'eligible: open to any applicant' };
  const own: readonly ApplicantType[] = APPLICANT_TYPES_BY_LEVEL[jurisdiction.level];
  const named = own.find((type) => types.includes(type));
  if (named) return { verdict: 'eligible', note: `eligible: ${applicantTypeLabel(named)}` };
  if (types.length === 0) return { verdict: 'unclear', note: 'eligibility not stated; check the call' };
  if (types.includes('others')) return { verdict: 'unclear', note: 'eligibility: see the call’s text' };
  return { verdict: 'ineligible', note: `not eligible: open to ${types.slice(0, 3).map(applicantTypeLabel).join(', ')}${types.length > 3 ? '…' : ''}` };
}
