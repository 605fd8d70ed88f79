import { Injectable } from '@nestjs/common';
import type { EventEnvelope, PartnerMergedV1Payload, PartnerPublicState } from '@entente/contracts';
import type { Identity } from '@entente/auth';
import { applyMergedAway, applyPartnerState, stateChangeOf } from './tie-projection';
import { CountryCount, TieRepository } from './tie.repository';
import { scopeOf, scopeOfEvent } from '@entente/persistence';

@Injectable()
export class TiesService {
  constructor(private readonly ties: TieRepository) {}

  /**
   * A partner was registered or changed: its tie takes the new state (a
   * country change moves it to another country). The tie belongs to the
   * jurisdiction the event names, nobody else.
   */
  async recordPartnerState(event: EventEnvelope, partner: PartnerPublicState): Promise<void> {
    const scope = scopeOfEvent(event);
    const next = applyPartnerState(await this.ties.get(scope, partner.partnerId), stateChangeOf(event, partner));
    if (next) await this.ties.save(scope, next);
  }

  /** Two partners were one: the survivor takes its merged state, the merged partner stops counting. */
  async recordPartnerMerged(event: EventEnvelope<PartnerMergedV1Payload>): Promise<void> {
    const scope = scopeOfEvent(event);
    const { survivor, mergedPartnerId } = event.payload;
    const tombstone = applyMergedAway(await this.ties.get(scope, mergedPartnerId), {
      partnerId: mergedPartnerId,
      survivorId: survivor.partnerId,
      at: new Date(event.occurredAt),
      eventId: event.eventId,
    });
    if (tombstone) await this.ties.save(scope, tombstone);
    await this.recordPartnerState(event, survivor);
  }

  tiesByCountry(identity: Identity): Promise<CountryCount[]> {
    return this.ties.countByCountry(scopeOf(identity));
  }
}
