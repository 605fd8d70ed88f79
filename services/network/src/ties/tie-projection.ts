import type { EventEnvelope, PartnerPublicState, PartnerRegisteredV1Payload } from '@entente/contracts';

/**
 * How partner events change the network's ties read model, decided without
 * I/O. One tie per (jurisdiction, partner):
 * - registered (v1 or v2) and updated replace the tie's state, unless the
 *   tie already holds a newer state (a replay) or the partner was merged away;
 * - merged moves the survivor to its state after the merge and turns the
 *   merged partner's tie into a tombstone that is never counted. The merged
 *   partner's own older events travel under its own key and may arrive after
 *   the merge: the tombstone keeps them from counting it again.
 * A tie without a country (not known yet) is kept but counted in no country.
 */
export interface TieState {
  partnerId: string;
  country: string | null;
  partnerName: string;
  partnerKind: string;
  /** The survivor's id once this partner was merged into it. */
  mergedInto: string | null;
  /** When the registry made the change this state reflects (the event's occurredAt). */
  recordedAt: Date;
  sourceEventId: string;
}

export interface PartnerStateChange {
  partner: PartnerPublicState;
  at: Date;
  eventId: string;
}

/** The state a v1 registration describes, in v2 terms (v1 knew no Wikidata id and always a country). */
export function stateOfV1(payload: PartnerRegisteredV1Payload): PartnerPublicState {
  return { ...payload, wikidataId: null };
}

export function stateChangeOf(event: EventEnvelope, partner: PartnerPublicState): PartnerStateChange {
  return { partner, at: new Date(event.occurredAt), eventId: event.eventId };
}

/** The tie after a partner's state changed, or null when the tie stays as it is. */
export function applyPartnerState(current: TieState | null, change: PartnerStateChange): TieState | null {
  if (current?.mergedInto) return null;
  if (current && current.recordedAt.getTime() > change.at.getTime()) return null;
  return {
    partnerId: change.partner.partnerId,
    country: change.partner.country,
    partnerName: change.partner.name,
    partnerKind: change.partner.kind,
    mergedInto: null,
    recordedAt: change.at,
    sourceEventId: change.eventId,
  };
}

/** The merged partner's tie as a tombstone (made even if its registration has not arrived yet), or null when it already is one. */
export function applyMergedAway(current: TieState | null, merged: { partnerId: string; survivorId: string; at: Date; eventId: string }): TieState | null {
  if (current?.mergedInto === merged.survivorId) return null;
  return {
    partnerId: merged.partnerId,
    country: current?.country ?? null,
    partnerName: current?.partnerName ?? '',
    partnerKind: current?.partnerKind ?? '',
    mergedInto: merged.survivorId,
    recordedAt: merged.at,
    sourceEventId: merged.eventId,
  };
}
