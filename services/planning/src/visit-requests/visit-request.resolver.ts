import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, READER_ROLES, Roles, WRITER_ROLES } from '@entente/auth';
import { PageArgsInput } from '@entente/service-runtime';
import { VisitRequest, VisitRequestConnection, VisitRequestInput, VisitRequestStatusValue } from './visit-request.model';
import type { VisitRequestRecord } from './visit-request.schema';
import { VisitRequestService } from './visit-request.service';

@Resolver(() => VisitRequest)
export class VisitRequestResolver {
  constructor(private readonly visits: VisitRequestService) {}

  @Query(() => VisitRequestConnection, { description: 'Incoming visit requests, oldest first, optionally of one status' })
  @Roles(...READER_ROLES)
  async visitRequests(
    @CurrentIdentity() identity: Identity,
    @Args() paging: PageArgsInput,
    @Args('status', { type: () => VisitRequestStatusValue, nullable: true }) status?: VisitRequestStatusValue | null,
  ): Promise<VisitRequestConnection> {
    const page = await this.visits.list(identity, paging, status ?? undefined);
    return { ...page, nodes: page.nodes.map(toVisitRequest) };
  }

  @Query(() => VisitRequest)
  @Roles(...READER_ROLES)
  async visitRequest(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string): Promise<VisitRequest> {
    return toVisitRequest(await this.visits.get(identity, id));
  }

  @Mutation(() => VisitRequest, { description: 'Records an incoming request; the answer carries its fit score and the reason' })
  @Roles(...WRITER_ROLES)
  async recordVisitRequest(@CurrentIdentity() identity: Identity, @Args('input') input: VisitRequestInput): Promise<VisitRequest> {
    return toVisitRequest(await this.visits.record(identity, input));
  }

  @Mutation(() => VisitRequest, { description: 'Accepts: a hosted visit goes into the plan of the visit’s year' })
  @Roles(...WRITER_ROLES)
  async acceptVisitRequest(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string): Promise<VisitRequest> {
    return toVisitRequest(await this.visits.accept(identity, id));
  }

  @Mutation(() => VisitRequest, { description: 'Declines, with the reason' })
  @Roles(...WRITER_ROLES)
  async declineVisitRequest(@CurrentIdentity() identity: Identity, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<VisitRequest> {
    return toVisitRequest(await this.visits.decline(identity, id, reason));
  }
}

function toVisitRequest(record: VisitRequestRecord): VisitRequest {
  return {
    id: record.requestId,
    visitor: record.visitor,
    organisation: record.organisation,
    country: record.country,
    sector: record.sector,
    purpose: record.purpose,
    dateStart: record.dateStart,
    dateEnd: record.dateEnd,
    delegationSize: record.delegationSize,
    estimatedCost: record.estimatedCost,
    estimatedStaffDays: record.estimatedStaffDays,
    status: record.status,
    score: record.score,
    explanation: record.explanation,
    priorityId: record.priorityId,
    declineReason: record.declineReason,
    activityId: record.activityId,
    planYear: record.planYear,
    decidedBy: record.decidedBy,
    decidedAt: record.decidedAt,
    createdAt: record.createdAt,
  };
}
