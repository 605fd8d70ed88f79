import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum } from '@entente/service-runtime';
import { IMPORT_JOB_KINDS, IMPORT_JOB_STATUSES } from './import-job.rules';

/** GraphQL names the kinds in upper case; the values are the rules' kinds. */
export const ImportJobKindValue = graphqlEnum('ImportJobKind', IMPORT_JOB_KINDS, 'What an import job reads');
export type ImportJobKindValue = (typeof IMPORT_JOB_KINDS)[number];

export const ImportJobStatusValue = graphqlEnum('ImportJobStatus', IMPORT_JOB_STATUSES, 'queued → validating → applying → succeeded; a bad row fails the job while validating, before anything is applied (a row whose country cannot be placed is left out and reported instead)');
export type ImportJobStatusValue = (typeof IMPORT_JOB_STATUSES)[number];

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

  @Field(() => Int, { description: 'Rows or ties left out: what they describe is already there, or (a CSV row) its country could not be placed; the report says which' })
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
