import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthenticatedGuard, CurrentIdentity, Identity, READER_ROLES, Roles, RolesGuard, WRITER_ROLES } from '@entente/auth';
import type { Page } from '@entente/persistence';
import { EstablishRelationshipInput } from './dtos/establish-relationship.input';
import { Relationship, RelationshipConnection, RelationshipStatusValue } from './relationship.model';
import type { RelationshipRecord } from './relationship.schema';
import { RelationshipService } from './relationship.service';
import { toRelationship } from './relationship.mapper';
import { PageArgsInput } from '@entente/service-runtime';

@Resolver(() => Relationship)
@UseGuards(AuthenticatedGuard, RolesGuard)
export class RelationshipResolver {
  constructor(private readonly relationshipService: RelationshipService) {}

  @Mutation(() => Relationship, { description: 'Records a tie between your jurisdiction and one of its partners.' })
  @Roles(...WRITER_ROLES)
  async establishRelationship(@CurrentIdentity() identity: Identity, @Args('input') input: EstablishRelationshipInput): Promise<Relationship> {
    return toRelationship(await this.relationshipService.establish(identity, input));
  }

  @Mutation(() => Relationship, { description: 'Moves a relationship along the allowed status transitions.' })
  @Roles(...WRITER_ROLES)
  async changeRelationshipStatus(
    @CurrentIdentity() identity: Identity,
    @Args('id', { type: () => ID }) id: string,
    @Args('status', { type: () => RelationshipStatusValue }) status: RelationshipStatusValue,
    @Args('reason', { type: () => String, nullable: true }) reason?: string | null,
  ): Promise<Relationship> {
    return toRelationship(await this.relationshipService.changeStatus(identity, { id, status, reason }));
  }

  @Query(() => RelationshipConnection, { description: 'Your jurisdiction’s relationships, oldest first, optionally of one status.' })
  @Roles(...READER_ROLES)
  async relationships(
    @CurrentIdentity() identity: Identity,
    @Args() paging: PageArgsInput,
    @Args('status', { type: () => RelationshipStatusValue, nullable: true }) status?: RelationshipStatusValue | null,
  ): Promise<RelationshipConnection> {
    return toConnection(await this.relationshipService.list(identity, paging, status ?? undefined));
  }

  @Query(() => RelationshipConnection, {
    description: 'Active relationships with no engagement (nor a since date) within the configured number of months, oldest first.',
  })
  @Roles(...READER_ROLES)
  async dormantRelationships(
    @CurrentIdentity() identity: Identity,
    @Args() paging: PageArgsInput,
  ): Promise<RelationshipConnection> {
    return toConnection(await this.relationshipService.dormant(identity, paging));
  }
}

function toConnection(page: Page<RelationshipRecord>): RelationshipConnection {
  return { ...page, nodes: page.nodes.map(toRelationship) };
}

