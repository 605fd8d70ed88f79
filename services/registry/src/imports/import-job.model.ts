import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@entente/service-runtime';

/** GraphQL names the kinds in upper case; the values are the rules' kinds. */
export enum ImportJobKindValue {
  PARTNERS_CSV = 'partners-csv',
  ASSETS_CSV = 'assets-csv',
  RELATIONSHIPS_CSV = 'relationships-csv',
  TWINNING_TIES = 'twinning-ties',
  WIKIDATA_ENTITY = 'wikidata-entity',
  TWINNING_CATALOGUE = 'twinning-catalogue',
}
registerEnumType(ImportJobKindValue, { name: 'ImportJobKind', description: 'What an import job reads' });

export enum ImportJobStatusValue {
  QUEUED = 'queued',
  VALIDATING = 'validating',
  APPLYING = 'applying',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
}
registerEnumType(ImportJobStatusValue, {
  name: 'ImportJobStatus',
  description: 'queued → validating → applying → succeeded; a bad row fails the job while validating, before anything is applied',
});

@ObjectType({ description: 'One line of an import report: a problem, or a row left out and why' })
export class ImportReportRow {
  @Field(() => Int, { description: 'The CSV row (the header is row 1), the file line, or the tie’s position' })
  row!: number;

  @Field({ description: 'The column or field at fault, or (row)/(header) for the row or header as a whole' })
  field!: string;

  @Field()
  reason!: string;
}

@ObjectType()
export class ImportProgress {
  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  total!: number;
}

@ObjectType()
export class ImportCounts {
  @Field(() => Int, { description: 'Records created (partners, assets, relationships; places for the catalogue)' })
  created!: number;

  @Field(() => Int, { description: 'Rows or ties left out because what they describe is already there' })
  skipped!: number;
}

@ObjectType({ description: 'An import running in the background: poll it until it has succeeded or failed' })
export class ImportJob {
  @Field(() => ID)
  id!: string;

  @Field(() => ImportJobKindValue)
  kind!: ImportJobKindValue;

  @Field(() => ImportJobStatusValue)
  status!: ImportJobStatusValue;

  @Field({ description: 'What was imported, in a line' })
  summary!: string;

  @Field(() => ImportProgress, { description: 'Steps applied out of all; 0 of 0 until validated' })
  progress!: ImportProgress;

  @Field(() => [ImportReportRow], { description: 'A failed job: every problem (at most 1000). A succeeded one: rows left out or flagged.' })
  report!: ImportReportRow[];

  @Field(() => ImportCounts)
  counts!: ImportCounts;

  @Field(() => String, { nullable: true, description: 'Why the job failed, in a sentence' })
  failure!: string | null;

  @Field({ description: 'User name of who started it' })
  createdBy!: string;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType()
export class ImportJobConnection extends Connection(ImportJob) {}

@ObjectType({ description: 'The platform-wide twinning catalogue in use' })
export class TwinningCatalogue {
  @Field()
  loadedAt!: Date;

  @Field(() => Int)
  places!: number;

  @Field(() => Int, { description: 'Distinct ties, each counted once whichever direction the data states it' })
  ties!: number;

  @Field(() => Int)
  directedEdges!: number;
}
