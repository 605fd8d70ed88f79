import { Injectable } from '@nestjs/common';
import type { EventEnvelope, PartnerRegisteredV1Payload } from '@entente/contracts';
import type { Identity } from '@entente/auth';
import { CountryCount, TieRepository } from './tie.repository';

@Injectable()
export class TiesService {
  constructor(private readonly ties: TieRepository) {}

  /** The tie belongs to the jurisdiction the event says registered the partner, nobody else. */
  async recordPartnerRegistered(event: EventEnvelope<PartnerRegisteredV1Payload>): Promise<void> {
    await this.ties.upsert({
      jurisdictionId: event.jurisdictionId,
      partnerId: event.payload.partnerId,
      country: event.payload.country,
      partnerName: event.payload.name,
      partnerKind: event.payload.kind,
      sourceEventId: event.eventId,
      recordedAt: new Date(event.occurredAt),
    });
  }

  tiesByCountry(identity: Identity): Promise<CountryCount[]> {
    return this.ties.countByCountry({ jurisdictionId: identity.jurisdictionId });
  }
}
