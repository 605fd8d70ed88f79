import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, type Identity, READER_ROLES, Roles } from '@entente/auth';
import { NetworkService } from '../networks/network.service';
import { CostShareInput, ProposeJointEffortInput } from './dtos/joint-effort.input';
import { toJointEffort } from './joint-effort.mapper';
import { JointEffort, JointEffortStatusValue } from './joint-effort.model';
import type { JointEffortRecord } from './joint-effort.schema';
import { JointEffortService } from './joint-effort.service';

@Resolver(() => JointEffort)
@UseGuards(AuthenticatedGuard)
export class JointEffortResolver {
  constructor(
    private readonly efforts: JointEffortService,
    private readonly networks: NetworkService,
  ) {}

  @Query(() => [JointEffort], { description: 'A network’s joint efforts, newest first (its coordinators and active members)' })
  @Roles(...READER_ROLES)
  async jointEfforts(@CurrentIdentity() identity: Identity, @Args('networkId', { type: () => ID }) networkId: string): Promise<JointEffort[]> {
    return this.view(await this.efforts.list(identity, networkId));
  }

  @Mutation(() => JointEffort, { description: 'Proposes a joint effort by hand: your jurisdiction leads it and has joined it' })
  @Roles('jurisdiction-admin')
  async proposeJointEffort(@CurrentIdentity() identity: Identity, @Args('input') input: ProposeJointEffortInput): Promise<JointEffort> {
    // One end only: an effort of one day.
    const start = input.timelineStart || input.timelineEnd;
    const timeline = start ? { start, end: input.timelineEnd || start } : null;
    const record = await this.efforts.propose(identity, input.networkId, {
      kind: input.kind,
      title: input.title,
      participants: input.participants,
      timeline,
      country: input.country ?? null,
      opportunityId: input.opportunityId ?? null,
    });
    return this.one(record);
  }

  @Mutation(() => JointEffort, { description: 'Proposes a joint effort from a suggestion involving your jurisdiction: its members with equal shares, your jurisdiction the lead' })
  @Roles('jurisdiction-admin')
  async proposeJointEffortFromSuggestion(
    @CurrentIdentity() identity: Identity,
    @Args('suggestionId', { type: () => ID }) suggestionId: string,
    @Args('title', { type: () => String, nullable: true }) title?: string | null,
  ): Promise<JointEffort> {
    return this.one(await this.efforts.proposeFromSuggestion(identity, suggestionId, title ?? null));
  }

  @Mutation(() => JointEffort, { description: 'Names another active member a participant, with new cost shares for all (the lead’s admin or a coordinator)' })
  @Roles('jurisdiction-admin', 'regional-coordinator')
  async inviteToJointEffort(
    @CurrentIdentity() identity: Identity,
    @Args('effortId', { type: () => ID }) effortId: string,
    @Args('jurisdictionId', { type: () => ID }) jurisdictionId: string,
    @Args('shares', { type: () => [CostShareInput] }) shares: CostShareInput[],
  ): Promise<JointEffort> {
    return this.one(await this.efforts.invite(identity, effortId, jurisdictionId, shares));
  }

  @Mutation(() => JointEffort, { description: 'Your jurisdiction joins an effort it was named in: the activity is proposed in its plan, with its cost share, once' })
  @Roles('jurisdiction-admin')
  async joinJointEffort(@CurrentIdentity() identity: Identity, @Args('effortId', { type: () => ID }) effortId: string): Promise<JointEffort> {
    return this.one(await this.efforts.join(identity, effortId));
  }

  @Mutation(() => JointEffort, { description: 'Your jurisdiction leaves an effort (not its lead): its share passes to the lead' })
  @Roles('jurisdiction-admin')
  async leaveJointEffort(@CurrentIdentity() identity: Identity, @Args('effortId', { type: () => ID }) effortId: string): Promise<JointEffort> {
    return this.one(await this.efforts.leave(identity, effortId));
  }

  @Mutation(() => JointEffort, { description: 'New cost shares for the same participants, summing to 100 (the lead’s admin or a coordinator)' })
  @Roles('jurisdiction-admin', 'regional-coordinator')
  async setJointEffortCostShares(
    @CurrentIdentity() identity: Identity,
    @Args('effortId', { type: () => ID }) effortId: string,
    @Args('shares', { type: () => [CostShareInput] }) shares: CostShareInput[],
  ): Promise<JointEffort> {
    return this.one(await this.efforts.setCostShares(identity, effortId, shares));
  }

  @Mutation(() => JointEffort, { description: 'Moves an effort along proposed → forming → active → completed, or withdraws it (the lead’s admin or a coordinator)' })
  @Roles('jurisdiction-admin', 'regional-coordinator')
  async moveJointEffort(
    @CurrentIdentity() identity: Identity,
    @Args('effortId', { type: () => ID }) effortId: string,
    @Args('status', { type: () => JointEffortStatusValue }) status: JointEffortStatusValue,
  ): Promise<JointEffort> {
    return this.one(await this.efforts.move(identity, effortId, status));
  }

  private async one(record: JointEffortRecord): Promise<JointEffort> {
    return (await this.view([record]))[0] as JointEffort;
  }

  private async view(records: readonly JointEffortRecord[]): Promise<JointEffort[]> {
    const names = await this.networks.memberNames([...new Set(records.flatMap((r) => r.participants.map((p) => p.jurisdictionId)))]);
    return records.map((r) => toJointEffort(r, names));
  }
}
