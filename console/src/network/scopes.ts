import type { SharedAssetCategory, SharingScope } from '../gql/graphql';

/**
 * The fields a grant of each scope may allow, as the network service names them
 * (services/network/src/sharing/sharing-scopes.ts; the API's SharingTermsInput
 * lists the same). Funding interests have no fields yet.
 */
export const SCOPE_FIELDS: Record<SharingScope, readonly string[]> = {
  PARTNERS: ['name', 'kind', 'country', 'wikidataId'],
  RELATIONSHIPS: ['partnerName', 'partnerCountry', 'type', 'status', 'since', 'until', 'leadDepartment'],
  PRIORITIES: ['title', 'focus', 'goalKinds', 'countries', 'sectors', 'themes', 'sdgs'],
  PLANNED_ACTIVITIES: ['year', 'title', 'type', 'mode', 'frequency', 'status', 'country', 'city', 'windowStart', 'windowEnd', 'cost'],
  ASSET_CATEGORIES: ['category', 'type', 'countries', 'sectors', 'name', 'description', 'magnitude', 'sourceOrganisation', 'asOf'],
  FUNDING_INTERESTS: [],
};

export const SCOPES = Object.keys(SCOPE_FIELDS) as SharingScope[];

export const ASSET_CATEGORIES: readonly SharedAssetCategory[] = ['ECONOMIC_FOUNDATIONS', 'CULTURAL_AND_COMMUNITY_CONNECTIONS', 'INNOVATION_STRENGTHS', 'EXISTING_INTERNATIONAL_RELATIONSHIPS', 'INSTITUTIONAL_CAPABILITIES'];

/** The network's view of a record, one column per field; a field the grant leaves out comes back null. */
export type SharedRow = { id: string } & Record<string, unknown>;

/** An amount of money in the currency the member keeps it in (the network never converts). */
export interface SharedMoney {
  amount: number;
  currency: string;
}

const absent = (value: unknown) => value === null || value === undefined;

/**
 * One scope's records in a member's shared data, and the row's value of a
 * field: magnitude and cost are two of the API's fields each (a figure and its
 * unit; an amount and its currency), null when the grant leaves them out.
 */
export function valueOf(row: SharedRow, field: string): unknown {
  if (field === 'magnitude') return absent(row['magnitudeValue']) ? null : `${String(row['magnitudeValue'])} ${String(row['magnitudeUnit'] ?? '')}`.trim();
  if (field === 'cost') return absent(row['costAmount']) ? null : ({ amount: Number(row['costAmount']), currency: String(row['costCurrency'] ?? '') } satisfies SharedMoney);
  return row[field];
}
