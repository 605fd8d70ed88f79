import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { EventEnvelope } from '@entente/contracts';
import { Page, PageArgs, TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { OutboxRepository } from '../outbox/outbox-repository';
import { PARTNER_MODEL, PartnerRecord, PartnerSchema } from './partner.schema';

@Injectable()
export class PartnerRepository extends OutboxRepository<PartnerRecord> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super(connection.model<PartnerRecord>(PARTNER_MODEL, PartnerSchema));
  }

  /** Stores the partner and its events in one single-document write. */
  create(partner: PartnerRecord, events: EventEnvelope[]): Promise<PartnerRecord> {
    return this.insertWithEvents(partner, events);
  }

  inCountry(scope: TenantScope, country: string): Promise<PartnerRecord[]> {
    return this.findMany(tenantQuery<PartnerRecord>(scope, { country }), 10_000);
  }

  list(scope: TenantScope, args: PageArgs): Promise<Page<PartnerRecord>> {
    return this.page(tenantQuery<PartnerRecord>(scope), args);
  }
}
