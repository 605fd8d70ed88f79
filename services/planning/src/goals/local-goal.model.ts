import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A kind of local goal that international engagement can advance (brief 1.1).' })
export class LocalGoalType {
  @Field({ description: 'Stable key, e.g. economic-development-and-trade' })
  kind!: string;

  @Field()
  title!: string;

  @Field({ description: 'What engagement toward this goal typically looks like' })
  examples!: string;
}
