import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EngagementLoggedV1 } from '@entente/contracts';
import type { Identity } from '@entente/auth';
import { FieldProblem, ValidationError } from '@entente/errors';
import { eventDraft, scopeOf, type Page, type PageArgs } from '@entente/persistence';
import { PartnerRepository } from '../partners/partner.repository';
import { RelationshipRepository } from '../relationships/relationship.repository';
import { lastEngagementUpdates, LogEngagementInput, parseEngagement } from './engagement.rules';
import { EngagementRepository } from './engagement.repository';
import type { EngagementRecord } from './engagement.schema';

@Injectable()
export class EngagementService {
  constructor(
    private readonly engagements: EngagementRepository,
    private readonly relationships: RelationshipRepository,
    private readonly partners: PartnerRepository,
  ) {}

  /**
   * Logs an engagement with partners of the caller's jurisdiction, announces
   * it (registry.engagement.logged v1, naming the relationships it moves
   * forward) and then moves those relationships' last engagement forward.
   * The engagement and its event are one write; each relationship update is
   * conditional (never backwards), so replaying them is harmless.
   */
  async log(identity: Identity, input: LogEngagementInput): Promise<EngagementRecord> {
    const command = parseEngagement(input);
    const scope = scopeOf(identity);
    const found = await this.partners.findAll(scope, command.partnerIds);
    const problems: FieldProblem[] = command.partnerIds.flatMap((partnerId, index) => {
      const partner = found.get(partnerId);
      if (!partner) return [{ field: `partnerIds[${index}]`, message: `no partner ${partnerId} in your jurisdiction; register the partner first` }];
      // engagement.logged v1 names each partner's country; other services place engagements by it.
      if (!partner.country) return [{ field: `partnerIds[${index}]`, message: `partner ${partner.name} has no country yet; give it with updatePartner first` }];
      return [];
    });
    if (problems.length > 0) throw new ValidationError(problems);

    const related = await this.relationships.withPartners(scope, command.partnerIds);
    const updates = lastEngagementUpdates(
      command,
      related.map((r) => ({ id: r.relationshipId, partnerId: r.partnerId, lastEngagementAt: r.lastEngagementAt })),
    );
    const engagementId = randomUUID();
    const now = new Date();
    const engagement: EngagementRecord = { jurisdictionId: identity.jurisdictionId, engagementId, ...command, createdBy: identity.userId, createdAt: now };
    const event = eventDraft(EngagementLoggedV1, {
      aggregateId: engagementId,
      payload: {
        engagementId,
        date: command.date,
        type: command.type,
        partners: command.partnerIds.map((partnerId) => {
          const partner = found.get(partnerId)!;
          return { partnerId, name: partner.name, country: partner.country as string };
        }),
        purpose: command.purpose,
        outcomes: command.outcomes,
        nextSteps: command.nextSteps,
        cost: command.cost,
        staffDays: command.staffDays,
        priorityIds: command.priorityIds,
        relationshipUpdates: updates,
      },
    });
    const saved = await this.engagements.create(engagement, [event], { actor: identity, action: 'logged', at: now });
    for (const update of updates) {
      await this.relationships.advanceLastEngagement(scope, update.relationshipId, update.lastEngagementAt, now);
    }
    return saved;
  }

  list(identity: Identity, args: PageArgs): Promise<Page<EngagementRecord>> {
    return this.engagements.list(scopeOf(identity), args);
  }
}
