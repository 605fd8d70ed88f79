import type { PartnerContact, PartnerContent } from '../partners/partner.rules';

export type MergeFilledField = 'country' | 'wikidataId' | 'website' | 'notes' | 'contacts';

export interface MergedContent {
  /** Only the fields of the survivor that change. */
  set: Partial<PartnerContent>;
  filledFields: MergeFilledField[];
}

function contactKey(contact: PartnerContact): string {
  return `${contact.name.toLowerCase()}\u0000${contact.email?.toLowerCase() ?? ''}`;
}

/**
 * What a survivor takes from the partner merged into it: it keeps every field
 * it has and fills its blanks (country, Wikidata id, website, notes) from the
 * merged partner; contacts are the union, the survivor's first, a contact of
 * the same name and e-mail address (case aside) counted once. Pure.
 */
export function mergePartnerContent(survivor: Partial<PartnerContent>, merged: Partial<PartnerContent>): MergedContent {
  const set: Partial<PartnerContent> = {};
  const filledFields: MergeFilledField[] = [];
  for (const field of ['country', 'wikidataId', 'website', 'notes'] as const) {
    const mine = survivor[field] ?? null;
    const theirs = merged[field] ?? null;
    if (mine === null && theirs !== null) {
      set[field] = theirs;
      filledFields.push(field);
    }
  }
  const known = new Set((survivor.contacts ?? []).map(contactKey));
  const added = (merged.contacts ?? []).filter((contact) => {
    const key = contactKey(contact);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  if (added.length > 0) {
    set.contacts = [...(survivor.contacts ?? []), ...added];
    filledFields.push('contacts');
  }
  return { set, filledFields };
}
