import { Type } from '@nestjs/common';
import { ArgsType, Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageArgs } from '@entente/persistence';

/** Every subgraph's connections share this type, so the supergraph needs it shareable. */
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * The one list shape of the API: `{ nodes, pageInfo { hasNextPage endCursor }, totalCount }`.
 * `@ObjectType() class PartnerConnection extends Connection(Partner) {}`
 */
export function Connection<T>(node: Type<T>): Type<ConnectionShape<T>> {
  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [node])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

/** The paging arguments of every list: `list(@Args() page: PageArgsInput)`. Limits quoted from the constants that enforce them. */
@ArgsType()
export class PageArgsInput implements PageArgs {
  @Field(() => Int, { nullable: true, description: `How many to return: 1 to ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} when left out.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Go on after this cursor: the pageInfo.endCursor of the previous page.' })
  after?: string | null;
}
