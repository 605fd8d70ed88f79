import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
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
