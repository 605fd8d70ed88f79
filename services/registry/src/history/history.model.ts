import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum RecordTypeValue {
  PARTNER = 'partner',
  ASSET = 'asset',
  RELATIONSHIP = 'relationship',
  ENGAGEMENT = 'engagement',
}
registerEnumType(RecordTypeValue, { name: 'RecordType', description: 'The kinds of registry record that keep a change history' });

@ObjectType({ description: 'One field a change touched. Text values read as they are; other values (lists, figures, objects) as JSON.' })
export class FieldChange {
  @Field()
  field!: string;

  @Field(() => String, { nullable: true, description: 'Null: the field had no value' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'Null: the change cleared the field' })
  to!: string | null;
}

@ObjectType({ description: 'Who changed what, when' })
export class HistoryEntry {
  @Field()
  at!: Date;

  @Field({ description: 'The user id (Keycloak subject) of whoever made the change' })
  by!: string;

  @Field({ description: 'Their username at the time' })
  byName!: string;

  @Field({ description: 'What happened: registered, recorded, established, logged, updated, status-changed, removed, merged…' })
  action!: string;

  @Field(() => [FieldChange])
  changes!: FieldChange[];
}

@ObjectType({ description: 'The change history of one record of your jurisdiction' })
export class RecordHistory {
  @Field(() => ID)
  id!: string;

  @Field(() => RecordTypeValue)
  recordType!: RecordTypeValue;

  @Field(() => [HistoryEntry], { description: 'Newest first' })
  entries!: HistoryEntry[];
}
