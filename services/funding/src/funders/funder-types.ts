/**
 * The kinds of funder an opportunity is normalised to, whatever feed it came
 * from (DESIGN.md, funding). Eligibility and matching key on these.
 */
export const FUNDER_TYPES = [
  { kind: 'national', title: 'National government', examples: 'Federal agencies (Grants.gov), national ministries' },
  { kind: 'state', title: 'State or provincial government', examples: 'State trade and export programmes' },
  { kind: 'eu', title: 'European Union', examples: 'EU Funding & Tenders calls: Horizon Europe, Interreg, CERV' },
  { kind: 'embassy-or-high-commission', title: 'Embassy or high commission', examples: 'Public diplomacy small grants' },
  { kind: 'trust-or-foundation', title: 'Trust or foundation', examples: 'Philanthropic calls for city partnerships' },
  { kind: 'international-organisation', title: 'International organisation', examples: 'UN agencies, development banks, OECD programmes' },
  { kind: 'corporate', title: 'Corporate', examples: 'Company foundations and corporate social responsibility programmes' },
] as const;

export type FunderKind = (typeof FUNDER_TYPES)[number]['kind'];
