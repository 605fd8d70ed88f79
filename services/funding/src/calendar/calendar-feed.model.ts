import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Your calendar link of funding deadlines (its secret is shown only when made)' })
export class CalendarFeed {
  @Field() createdAt!: Date;
  @Field({ description: 'When the secret was last replaced' }) rotatedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When a calendar app last fetched it' }) lastFetchedAt!: Date | null;
}

@ObjectType({ description: 'A new calendar link: subscribe to it in a calendar app; the secret is not shown again' })
export class CalendarFeedLink {
  @Field({ description: 'The secret part of the link' }) token!: string;
  @Field({ description: 'The path on the API origin, /calendar/<secret>.ics' }) path!: string;
  @Field() createdAt!: Date;
  @Field() rotatedAt!: Date;
}
