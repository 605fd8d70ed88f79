import { Inject, Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { Page, PageArgs, Stored, TenantScope, tenantQuery, OutboxWrites, type EventDraft, type ScopedRecord } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { HistoryEntry } from '@entente/persistence';
import { Change, OutboxRepository } from '@entente/persistence';
import type { DuplicateCandidate } from './partner-duplicates';
import { PARTNER_CONTENT_FIELDS, PartnerContent } from './partner.rules';
import { PARTNER_MODEL, PartnerRecord, PartnerSchema } from './partner.schema';
import { InventoryVersionRepository, type TalliedWrite } from '../inventory-version/inventory-version.repository';

/** More partners than this in one jurisdiction is beyond what the duplicate scan is sized for. */
export const PARTNER_SCAN_LIMIT = 20_000;

/** What a live partner query adds: a partner being merged away is gone for everyone but the merge. */
const LIVE = { mergedInto: null };

/**
 * The jurisdiction's partners, for the partners feature and for everything
 * that refers to a partner (relationships, engagements, views, merges). Every
 * read is scoped to the caller's jurisdiction: a partner id of another
 * jurisdiction is simply not found.
 */
@Injectable()
export class PartnerRepository extends OutboxRepository<PartnerRecord, TalliedWrite> {
  protected readonly historyFields = PARTNER_CONTENT_FIELDS;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection, outbox: OutboxWrites, versions: InventoryVersionRepository) {
    // Writes run between two bumps of the jurisdiction's inventory version, which the views' cache and tallies read.
    super(connection.model<PartnerRecord>(PARTNER_MODEL, PartnerSchema), outbox, versions);
  }

  /** Stores the partner, its events and its first history entry in one single-document write. */
  create(partner: PartnerRecord, events: EventDraft[], change: Change): Promise<PartnerRecord> {
    return this.insertWithEvents(partner, events, change);
  }

  /** A live partner of the scope's jurisdiction, or null. */
  find(scope: TenantScope, partnerId: string): Promise<(PartnerRecord & Stored) | null> {
    return this.findOne(tenantQuery<PartnerRecord>(scope, { partnerId, ...LIVE }));
  }

  /** The live partners among `partnerIds`, by id; the ids not found are missing from the map. */
  async findAll(scope: TenantScope, partnerIds: readonly string[]): Promise<Map<string, PartnerRecord>> {
    const partners = await this.findMany(tenantQuery<PartnerRecord>(scope, { partnerId: { $in: [...partnerIds] }, ...LIVE }), partnerIds.length);
    return new Map(partners.map((p) => [p.partnerId, p]));
  }

  /** A partner in any state, including one a merge has frozen: only merges need this. */
  findForMerge(scope: TenantScope, partnerId: string): Promise<(PartnerRecord & Stored) | null> {
    return this.findOne(tenantQuery<PartnerRecord>(scope, { partnerId }));
  }

  inCountry(scope: TenantScope, country: string): Promise<PartnerRecord[]> {
    return this.findMany(tenantQuery<PartnerRecord>(scope, { country, ...LIVE }), 10_000);
  }

  /** Oldest first; `needsCountry` lists only the partners whose country nobody has given yet. */
  list(scope: TenantScope, args: PageArgs, filter: { needsCountry?: boolean } = {}): Promise<Page<PartnerRecord>> {
    return this.page(tenantQuery<PartnerRecord>(scope, filter.needsCountry ? { country: null, ...LIVE } : LIVE), args);
  }

  /**
   * The partners that could be duplicates of any of `partners`: those of
   * their Wikidata ids or their countries, or of unknown country. One read
   * for them all.
   */
  async duplicateCandidates(scope: TenantScope, partners: readonly DuplicateCandidate[]): Promise<PartnerRecord[]> {
    // A partner of unknown country may resemble a partner of its name in any country (and the other way round).
    if (partners.some((partner) => !partner.country)) return this.findMany(tenantQuery<PartnerRecord>(scope, LIVE), PARTNER_SCAN_LIMIT);
    const countries = [...new Set(partners.map((partner) => partner.country as string))];
    const wikidataIds = [...new Set(partners.flatMap((partner) => (partner.wikidataId ? [partner.wikidataId] : [])))];
    const alternatives: Array<Record<string, unknown>> = [{ country: { $in: countries } }, { country: null }];
    if (wikidataIds.length > 0) alternatives.push({ wikidataId: { $in: wikidataIds } });
    return this.findMany(tenantQuery<PartnerRecord>(scope, { $or: alternatives, ...LIVE }), PARTNER_SCAN_LIMIT);
  }

  /** Just what duplicate detection compares, of every live partner. */
  duplicateScan(scope: TenantScope): Promise<DuplicateCandidate[]> {
    return this.findMany<DuplicateCandidate>(tenantQuery<PartnerRecord>(scope, LIVE), { projection: { _id: 0, partnerId: 1, name: 1, country: 1, wikidataId: 1 }, sort: { _id: 1 }, limit: PARTNER_SCAN_LIMIT });
  }

  /**
   * Changes a live partner's content and appends its events and history in
   * one write, only while it is as `before` (same updatedAt); null otherwise.
   */
  update(scope: TenantScope, before: PartnerRecord, set: Partial<PartnerContent> & { mergedFrom?: string[] }, events: EventDraft[], change: Change): Promise<PartnerRecord | null> {
    const query = tenantQuery<PartnerRecord>(scope, { partnerId: before.partnerId, updatedAt: before.updatedAt ?? null, ...LIVE });
    return this.updateWithEvents(query, before, { $set: { ...set, updatedBy: change.actor.userId, updatedAt: change.at } }, events, change);
  }

  /** Freezes a live partner for a merge into `survivorId` (first step of a merge); false when it is not live. */
  async freezeForMerge(scope: TenantScope, duplicate: PartnerRecord, survivorId: string, change: Change): Promise<boolean> {
    const query = tenantQuery<PartnerRecord>(scope, { partnerId: duplicate.partnerId, ...LIVE });
    return (await this.updateWithEvents(query, duplicate, { $set: { mergedInto: survivorId } }, [], change)) !== null;
  }

  /**
   * Deletes a partner frozen for a merge into `survivorId` once its outbox is
   * empty (its own pending events must still be published); false while they
   * are not, or when it is already gone.
   */
  async deleteMerged(scope: TenantScope, partnerId: string, survivorId: string): Promise<boolean> {
    return (await this.deleteAll(tenantQuery<PartnerRecord>(scope, { partnerId, mergedInto: survivorId, _outbox: { $size: 0 } }))) > 0;
  }

  /**
   * Live partners of every jurisdiction still named by their own Wikidata id
   * (a twinning import made them before the platform's twinning catalogue
   * could name them): loading the catalogue names them, wherever they are.
   */
  async namedByWikidataIdAcrossJurisdictions(): Promise<Array<ScopedRecord<Pick<PartnerRecord, 'jurisdictionId' | 'partnerId' | 'name' | 'wikidataId'>>>> {
    const found = await this.findAcrossJurisdictions<Pick<PartnerRecord, 'jurisdictionId' | 'partnerId' | 'name' | 'wikidataId'>>(
      { name: { $regex: '^Q[1-9][0-9]*$' }, wikidataId: { $ne: null }, ...LIVE },
      { projection: { _id: 0, partnerId: 1, name: 1, wikidataId: 1 }, limit: 0 },
    );
    return found.filter(({ record }) => record.name === record.wikidataId);
  }

  /** The partner's history, oldest first; null for an id not of this jurisdiction. */
  history(scope: TenantScope, partnerId: string): Promise<HistoryEntry[] | null> {
    return this.historyOf(tenantQuery<PartnerRecord>(scope, { partnerId }));
  }
}
