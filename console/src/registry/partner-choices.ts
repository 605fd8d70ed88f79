import { graphql } from '../gql';

/** The jurisdiction's partners to choose from in a form (a relationship's partner, an engagement's partners). */
export const PartnerChoicesQuery = graphql(`
  query PartnerChoices {
    partners(first: 100) {
      nodes {
        id
        name
        country
      }
    }
  }
`);

/** A partner as a choice of a select: its name, and its country when known. */
export function partnerChoice(partner: { id: string; name: string; country?: string | null }): { value: string; label: string } {
  return { value: partner.id, label: partner.country ? `${partner.name} (${partner.country})` : partner.name };
}
