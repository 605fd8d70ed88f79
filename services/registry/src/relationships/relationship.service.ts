import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RelationshipEstablishedV2, RelationshipStatusChangedV1 } from '@entente/contracts';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError, ValidationError } from '@entente/errors';
import { eventDraft, scopeOf, type Page, type PageArgs, type Stored } from '@entente/persistence';
import { Problems, readChoice, readText, toIsoDate } from '@entente/validation';
import { PartnerRepository } from '../partners/partner.repository';
import { RelationshipRepository } from './relationship.repository';
import {
  assertTransition,
  EstablishRelationshipInput,
  isDormant,
  parseRelationship,
  RELATIONSHIP_STATUSES,
  RelationshipStatus,
} from './relationship.rules';
import type { RelationshipRecord } from './relationship.schema';

export const DORMANCY_MONTHS = Symbol('DORMANCY_MONTHS');
export const STATUS_REASON_MAX_LENGTH = 2000;

@Injectable()
export class RelationshipService {
  constructor(
    private readonly relationships: RelationshipRepository,
    private readonly partners: PartnerRepository,
    @Inject(DORMANCY_MONTHS) private readonly dormancyMonths: number,
  ) {}

  /**
   * Records a tie with one of the caller's partners and announces it
   * (registry.relationship.established v2). A partner id of another
   * jurisdiction is refused exactly like an unknown one. A partner whose
   * country is not known yet (imported twinning ties) gives a relationship
   * whose partner country is null. An import passes the relationship's id
   * (`options.relationshipId`) so that applying it twice finds the first.
   */
  async establish(identity: Identity, input: EstablishRelationshipInput, options: { relationshipId?: string } = {}): Promise<RelationshipRecord> {
    const command = parseRelationship(input);
    const scope = scopeOf(identity);
    const partner = await this.partners.find(scope, command.partnerId);
    if (!partner) {
      throw ValidationError.forField('partnerId', `no partner ${command.partnerId} in your jurisdiction; register the partner first`);
    }
    const partnerCountry = partner.country ?? null;
    const relationshipId = options.relationshipId ?? randomUUID();
    const now = new Date();
    const relationship: RelationshipRecord = {
      jurisdictionId: identity.jurisdictionId,
      relationshipId,
      ...command,
      partnerName: partner.name,
      partnerCountry,
      lastEngagementAt: null,
      statusHistory: [],
      createdBy: identity.userId,
      createdAt: now,
      updatedAt: now,
    };
    const event = eventDraft(RelationshipEstablishedV2, {
      aggregateId: relationshipId,
      payload: { relationshipId, ...command, partnerName: partner.name, partnerCountry },
    });
    const saved = await this.relationships.create(relationship, [event], { actor: identity, action: 'established', at: now });
    return saved;
  }

  /**
   * Moves a relationship along the allowed transitions and announces it
   * (registry.relationship.status-changed v1). Ending a tie without an until
   * date records today as its end.
   */
  async changeStatus(identity: Identity, input: { id: string; status?: string | null; reason?: string | null }): Promise<RelationshipRecord> {
    const problems = new Problems();
    const to = readChoice(problems, 'status', input.status, RELATIONSHIP_STATUSES);
    const reason = readText(problems, 'reason', input.reason, { max: STATUS_REASON_MAX_LENGTH });
    problems.throwIfAny();
    const scope = scopeOf(identity);
    const current = await this.relationships.get(scope, input.id);
    if (!current) throw new NotFoundError('Relationship', input.id);
    const from = current.status;
    assertTransition(from, to as RelationshipStatus);
    const now = new Date();
    const today = toIsoDate(now);
    const endsToday = to === 'ended' && current.until === null && (current.since === null || current.since <= today);
    const until = endsToday ? today : current.until;
    const event = eventDraft(RelationshipStatusChangedV1, {
      aggregateId: current.relationshipId,
      payload: { relationshipId: current.relationshipId, partnerId: current.partnerId, type: current.type, from, to: to as RelationshipStatus, reason, until },
    });
    const updated = await this.relationships.changeStatus(
      scope,
      current,
      { from, to: to as RelationshipStatus, reason, changedBy: identity.userId, changedAt: now },
      endsToday ? { until: today } : {},
      [event],
      { actor: identity, action: 'status-changed', at: now },
    );
    if (!updated) throw new ConflictError(`relationship ${input.id} changed status meanwhile; reload it and try again`);
    return updated;
  }

  list(identity: Identity, args: PageArgs, status?: RelationshipStatus): Promise<Page<RelationshipRecord & Stored>> {
    return this.relationships.list(scopeOf(identity), args, status);
  }

  /** Active relationships with no sign of life for more than DORMANCY_MONTHS calendar months. */
  dormant(identity: Identity, args: PageArgs, now: Date = new Date()): Promise<Page<RelationshipRecord & Stored>> {
    return this.relationships.pageActiveWhere(scopeOf(identity), args, (relationship) =>
      isDormant(relationship, now, this.dormancyMonths),
    );
  }
}
