import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createEvent, PartnerRegisteredV1 } from '@entente/contracts';
import type { Identity } from '@entente/auth';
import type { Page, PageArgs } from '@entente/persistence';
import { OutboxKicker } from '../outbox/outbox-kicker';
import { parseRegisterPartner } from './partner.rules';
import { PartnerRepository } from './partner.repository';
import type { PartnerRecord } from './partner.schema';

@Injectable()
export class PartnerService {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly outbox: OutboxKicker,
  ) {}

  /** Registers a partner for the caller's jurisdiction and announces it (registry.partner.registered v1). */
  async register(identity: Identity, input: { name: string; kind: string; country: string }): Promise<PartnerRecord> {
    const command = parseRegisterPartner(input);
    const partnerId = randomUUID();
    const partner: PartnerRecord = {
      jurisdictionId: identity.jurisdictionId,
      partnerId,
      ...command,
      createdBy: identity.userId,
      createdAt: new Date(),
    };
    const event = createEvent(PartnerRegisteredV1, {
      source: 'registry',
      jurisdictionId: identity.jurisdictionId,
      aggregateId: partnerId,
      payload: { partnerId, ...command },
    });
    const saved = await this.partners.create(partner, [event]);
    this.outbox.kick();
    return saved;
  }

  list(identity: Identity, args: PageArgs): Promise<Page<PartnerRecord>> {
    return this.partners.list({ jurisdictionId: identity.jurisdictionId }, args);
  }
}
