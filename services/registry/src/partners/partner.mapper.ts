import { Partner, PartnerKindValue } from './partner.model';
import { PARTNER_CONTENT_FIELDS } from './partner.rules';
import type { PartnerRecord } from './partner.schema';

/** A partner as resolvers return it: the GraphQL shape, with the record kept for field resolvers. */
export type ResolvedPartner = Partner & { record?: PartnerRecord };

/**
 * Every content field as stored, null where a document stored before the
 * field existed lacks it (so a new field needs nothing here); then what the
 * API derives: the id, needsCountry, contacts with their optional parts.
 */
export function toPartner(record: PartnerRecord): ResolvedPartner {
  const content = Object.fromEntries(PARTNER_CONTENT_FIELDS.map((field) => [field, record[field] ?? null])) as Pick<Partner, (typeof PARTNER_CONTENT_FIELDS)[number]>;
  return {
    ...content,
    id: record.partnerId,
    kind: record.kind as PartnerKindValue,
    needsCountry: content.country === null,
    contacts: (record.contacts ?? []).map((c) => ({ name: c.name, role: c.role ?? null, email: c.email ?? null, phone: c.phone ?? null, notes: c.notes ?? null })),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt ?? record.createdAt,
    record,
  };
}
