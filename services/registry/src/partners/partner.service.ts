import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PartnerPublicState, PartnerRegisteredV2, PartnerUpdatedV1 } from '@entente/contracts';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError } from '@entente/errors';
import { eventDraft, scopeOf, KeyedBatcher, type Page, type PageArgs, type TenantScope } from '@entente/persistence';
import { diffFields } from '@entente/persistence';
import { DuplicateCandidate, DuplicateGroup, findDuplicateGroups, LikelyDuplicate, likelyDuplicatesOf } from './partner-duplicates';
import { parsePartner, parsePartnerChanges, PARTNER_CONTENT_FIELDS, RegisterPartnerInput, UpdatePartnerInput } from './partner.rules';
import { PartnerRepository } from './partner.repository';
import type { PartnerRecord } from './partner.schema';

/** What other services may know of a partner (no contacts, notes or website). */
export function partnerPublicState(partner: Pick<PartnerRecord, 'partnerId' | 'name' | 'kind' | 'country' | 'wikidataId'>): PartnerPublicState {
  return { partnerId: partner.partnerId, name: partner.name, kind: partner.kind, country: partner.country ?? null, wikidataId: partner.wikidataId ?? null };
}

@Injectable()
export class PartnerService {
  private readonly duplicates = new KeyedBatcher<{ scope: TenantScope; partner: PartnerRecord }, PartnerMatch[]>((_jurisdictionId, asks) =>
    this.likelyDuplicatesOfMany(asks[0]!.scope, asks.map((ask) => ask.partner)),
  );

  constructor(
    private readonly partners: PartnerRepository,
  ) {}

  /**
   * Registers a partner for the caller's jurisdiction and announces it
   * (registry.partner.registered v2). A likely duplicate is registered all the
   * same: the office may know two partners of one name apart. The answer's
   * likelyDuplicates says which partners it resembles, to merge if they are one.
   * An import passes the partner's id (`options.partnerId`), so that applying
   * it twice finds the first, and its own history action.
   */
  async register(identity: Identity, input: RegisterPartnerInput, options: { partnerId?: string; action?: 'registered' | 'imported' } = {}): Promise<PartnerRecord> {
    const content = parsePartner(input);
    const partnerId = options.partnerId ?? randomUUID();
    const now = new Date();
    const partner: PartnerRecord = {
      jurisdictionId: identity.jurisdictionId,
      partnerId,
      ...content,
      createdBy: identity.userId,
      createdAt: now,
      updatedBy: identity.userId,
      updatedAt: now,
      mergedInto: null,
      mergedFrom: [],
    };
    const event = eventDraft(PartnerRegisteredV2, {
      aggregateId: partnerId,
      payload: partnerPublicState(partner),
    });
    const saved = await this.partners.create(partner, [event], { actor: identity, action: options.action ?? 'registered', at: now });
    return saved;
  }

  /**
   * Changes the fields the input gives (null clears an optional one) and
   * announces it (registry.partner.updated v1). Nothing changes, and nothing
   * is announced, when the input repeats what is stored. A partner changed by
   * someone else between our read and our write answers CONFLICT; an id of
   * another jurisdiction NOT_FOUND, like an unknown one. `options.onlyIf`
   * changes nothing unless the stored partner passes it (the write checks the
   * partner is still the one it saw), for a change the system makes on its own.
   */
  async update(identity: Identity, partnerId: string, input: UpdatePartnerInput, options: { onlyIf?: (before: PartnerRecord) => boolean } = {}): Promise<PartnerRecord> {
    const changes = parsePartnerChanges(input);
    const scope = scopeOf(identity);
    const before = await this.partners.find(scope, partnerId);
    if (!before) throw new NotFoundError('Partner', partnerId);
    if (options.onlyIf && !options.onlyIf(before)) return before;
    const changed = diffFields(before, changes, PARTNER_CONTENT_FIELDS).map((change) => change.field as (typeof PARTNER_CONTENT_FIELDS)[number]);
    if (changed.length === 0) return before;
    const event = eventDraft(PartnerUpdatedV1, {
      aggregateId: partnerId,
      payload: { partner: partnerPublicState({ ...before, ...changes }), changedFields: changed },
    });
    const saved = await this.partners.update(scope, before, changes, [event], { actor: identity, action: 'updated', at: new Date() });
    if (!saved) throw new ConflictError(`partner ${partnerId} was changed meanwhile; reload it and try again`);
    return saved;
  }

  list(identity: Identity, args: PageArgs, filter: { needsCountry?: boolean } = {}): Promise<Page<PartnerRecord>> {
    return this.partners.list(scopeOf(identity), args, filter);
  }

  /** Groups of the caller's partners that look like one counterpart, with the reason. */
  async duplicateGroups(identity: Identity): Promise<Array<DuplicateGroup & { partners: PartnerRecord[] }>> {
    const scope = scopeOf(identity);
    const groups = findDuplicateGroups(await this.partners.duplicateScan(scope));
    const partners = await this.partners.findAll(scope, [...new Set(groups.flatMap((group) => group.partnerIds))]);
    return groups.map((group) => ({ ...group, partners: group.partnerIds.flatMap((id) => partners.get(id) ?? []) }));
  }

  /**
   * The caller's other partners that look like this one. A list of partners
   * asks this of each: the asks of one jurisdiction made together are
   * answered with one read (see likelyDuplicatesOfMany).
   */
  likelyDuplicates(identity: Identity, partner: PartnerRecord): Promise<PartnerMatch[]> {
    return this.duplicates.load(identity.jurisdictionId, { scope: scopeOf(identity), partner });
  }

  private async likelyDuplicatesOfMany(scope: TenantScope, partners: PartnerRecord[]): Promise<PartnerMatch[][]> {
    const candidates = partners.map(candidateOf);
    const others = await this.partners.duplicateCandidates(scope, candidates);
    const byId = new Map(others.map((other) => [other.partnerId, other]));
    const compared = others.map(candidateOf);
    return candidates.map((candidate) => likelyDuplicatesOf(candidate, compared).map((match) => ({ ...match, partner: byId.get(match.partnerId) as PartnerRecord })));
  }
}

export type PartnerMatch = LikelyDuplicate & { partner: PartnerRecord };

function candidateOf(partner: PartnerRecord): DuplicateCandidate {
  return { partnerId: partner.partnerId, name: partner.name, country: partner.country ?? null, wikidataId: partner.wikidataId ?? null };
}
