import { Partner, PartnerKindValue } from './partner.model';
import type { PartnerRecord } from './partner.schema';

/** A partner as resolvers return it: the GraphQL shape, with the record kept for field resolvers. */
export type ResolvedPartner = Partner & { record?: PartnerRecord };

export function toPartner(record: PartnerRecord): ResolvedPartner {
  const country = record.country ?? null;
  return {
    id: record.partnerId,
    name: record.name,
    kind: record.kind as PartnerKindValue,
    country,
    needsCountry: country === null,
    wikidataId: record.wikidataId ?? null,
    website: record.website ?? null,
    notes: record.notes ?? null,
    contacts: (record.contacts ?? []).map((c) => ({ name: c.name, role: c.role ?? null, email: c.email ?? null, phone: c.phone ?? null, notes: c.notes ?? null })),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt ?? record.createdAt,
    record,
  };
}
