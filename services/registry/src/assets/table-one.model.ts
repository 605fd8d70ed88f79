import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { AssetCategoryValue } from './asset.model';

@ObjectType({ description: 'The sum of the figures that share a unit and currency' })
export class KeyFigure {
  @Field()
  unit!: string;

  @Field(() => String, { nullable: true })
  currency!: string | null;

  @Field(() => Float)
  total!: number;

  @Field(() => Int, { description: 'How many assets’ figures went into the total' })
  assets!: number;
}

@ObjectType()
export class TableOneTypeSummary {
  @Field({ description: 'An asset type (e.g. key-industry), or in the relationships row a relationship type (e.g. sister-city)' })
  type!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => [KeyFigure])
  keyFigures!: KeyFigure[];
}

@ObjectType()
export class TableOneStatusCount {
  @Field({ description: 'A relationship status, e.g. active' })
  status!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    'One row of Table 1: every type listed, even at zero. The EXISTING_INTERNATIONAL_RELATIONSHIPS row counts relationships by type and status and has no key figures; the other rows have no statuses.',
})
export class TableOneRow {
  @Field(() => AssetCategoryValue)
  category!: AssetCategoryValue;

  @Field(() => Int)
  count!: number;

  @Field(() => [TableOneTypeSummary])
  byType!: TableOneTypeSummary[];

  @Field(() => [KeyFigure])
  keyFigures!: KeyFigure[];

  @Field(() => [TableOneStatusCount])
  byStatus!: TableOneStatusCount[];
}
