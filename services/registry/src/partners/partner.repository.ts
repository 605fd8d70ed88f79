import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import { buildOutboxEntry, withOutbox } from '@entente/messaging';
import type { EventEnvelope } from '@entente/contracts';
import { Page, PageArgs, TenantRepository, TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { PARTNER_MODEL, PartnerRecord, PartnerSchema } from './partner.schema';

@Injectable()
export class PartnerRepository extends TenantRepository<PartnerRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(connection.model<PartnerRecord>(PARTNER_MODEL, PartnerSchema));
  }

  get mongooseModel(): Model<PartnerRecord> {
    return this.model;
  }

  /** Stores the partner and its events in one single-document write. */
  async create(partner: PartnerRecord, events: EventEnvelope[]): Promise<PartnerRecord> {
    if (events.some((event) => event.jurisdictionId !== partner.jurisdictionId)) {
      throw new Error('An event must belong to the jurisdiction of the partner it describes');
    }
    return this.insert(partner, withOutbox({}, events.map((event) => buildOutboxEntry(event))));
  }

  inCountry(scope: TenantScope, country: string): Promise<PartnerRecord[]> {
    return this.findMany(tenantQuery<PartnerRecord>(scope, { country }), 10_000);
  }

  list(scope: TenantScope, args: PageArgs): Promise<Page<PartnerRecord>> {
    return this.page(tenantQuery<PartnerRecord>(scope), args);
  }
}
