import { Inject, Injectable } from '@nestjs/common';
import type { Connection, Model } from 'mongoose';
import type { PriorityStateV1Payload } from '@entente/contracts';
import { isDuplicateKeyError, type ScopedRecord, type Stored, TenantRepository, type TenantScope, tenantQuery } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { PRIORITY_VIEW_MODEL, type PriorityView, PriorityViewSchema, type PriorityViewStatus } from './priority-view.schema';

/** No jurisdiction has more priorities than this (planning caps active ones far lower). */
export const PRIORITY_SCAN_LIMIT = 1_000;
/** Every active priority of the platform, for a matching pass over all jurisdictions. */
export const ALL_PRIORITIES_LIMIT = 200_000;

/**
 * Funding's copy of planning's priorities. Each write is keyed by
 * (jurisdiction, priority) and replaces the state only with an event newer
 * than the one it holds, so a redelivered or late event changes nothing; a
 * retirement is state like any other (an older "set" arriving after it does
 * not bring the priority back).
 */
@Injectable()
export class PriorityViewRepository extends TenantRepository<PriorityView> {
  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    super((connection.models[PRIORITY_VIEW_MODEL] as Model<PriorityView> | undefined) ?? connection.model<PriorityView>(PRIORITY_VIEW_MODEL, PriorityViewSchema));
  }

  /** Resolves once the unique key that makes the upserts idempotent exists (int-specs on a fresh database). */
  ready(): Promise<void> {
    return this.ensureIndexes();
  }

  find(scope: TenantScope, priorityId: string): Promise<(PriorityView & Stored) | null> {
    return this.findOne(tenantQuery<PriorityView>(scope, { priorityId }));
  }

  active(scope: TenantScope): Promise<PriorityView[]> {
    return this.findMany(tenantQuery<PriorityView>(scope, { status: 'active' }), PRIORITY_SCAN_LIMIT);
  }

  /** Every jurisdiction's active priorities: what a matching pass over new opportunities indexes. */
  activeAcrossJurisdictions(): Promise<Array<ScopedRecord<PriorityView & Stored>>> {
    return this.findAcrossJurisdictions({ status: 'active' }, { limit: ALL_PRIORITIES_LIMIT });
  }

  /** The priority's state as of `at`; false when this or a newer event's state is already here. */
  async apply(scope: TenantScope, state: PriorityStateV1Payload, status: PriorityViewStatus, at: Date): Promise<boolean> {
    const { priorityId, title, countries, sectors, themes } = state;
    try {
      await this.updateOne(
        tenantQuery<PriorityView>(scope, { priorityId, stateAt: { $lt: at } }),
        { $set: { title, countries: [...countries], sectors: sectors.map(lower), themes: themes.map(lower), status, stateAt: at } },
        { upsert: true },
      );
      return true;
    } catch (error) {
      // A row with newer state does not match, so the upsert tries a second row for the key: the unique index's refusal means "older, nothing to do".
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}

function lower(word: string): string {
  return word.trim().toLowerCase();
}
