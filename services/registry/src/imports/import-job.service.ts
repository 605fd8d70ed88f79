import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError, quoted, ValidationError } from '@entente/errors';
import { scopeOf, type Page, type PageArgs, type Stored } from '@entente/persistence';
import { JurisdictionRepository } from '../jurisdictions/jurisdiction.repository';
import { checkImportDocument, ImportJobKind, megabytes, progressOf } from './import-job.rules';
import { ImportJobRepository } from './import-job.repository';
import { ImportJobRunner } from './import-job.runner';
import type { ImportJobRecord } from './import-job.schema';
import { TwinningCatalogueRepository } from './twinning-catalogue.repository';
import { isWikidataItemId } from './wikidata-twinning';

/**
 * Inputs travel inside the GraphQL request and are kept on the job until it
 * is validated, so they must fit a MongoDB document (16 MB) with room to
 * spare; the HTTP body limit (16 MB) is the outer bound.
 */
export const MAX_CSV_CHARACTERS = 5_000_000;
export const MAX_ENTITY_JSON_CHARACTERS = 8_000_000;
export const MAX_CATALOGUE_CHARACTERS = 14_000_000;

function sizeOf(text: string): string {
  const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '').length;
  return `${lines} line(s), ${text.length} characters`;
}

/** Starts imports and reads them back; the runner does the work in the background. */
@Injectable()
export class ImportJobService {
  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly runner: ImportJobRunner,
    private readonly catalogue: TwinningCatalogueRepository,
    private readonly jurisdictions: JurisdictionRepository,
  ) {}

  startCsv(identity: Identity, kind: 'partners-csv' | 'assets-csv' | 'relationships-csv', csv: string): Promise<ImportJobRecord> {
    checkImportDocument('csv', csv, MAX_CSV_CHARACTERS);
    return this.start(identity, kind, { csv }, `${kind.replace('-csv', '')} CSV, ${sizeOf(csv)}`);
  }

  startWikidataEntity(identity: Identity, json: string): Promise<ImportJobRecord> {
    checkImportDocument('json', json, MAX_ENTITY_JSON_CHARACTERS);
    return this.start(identity, 'wikidata-entity', { json }, `Wikidata entity JSON, ${json.length} characters`);
  }

  /**
   * The ties of one place (by default the caller's jurisdiction's own
   * Wikidata id) from the platform's twinning catalogue, which must be loaded.
   */
  async startTwinningTies(identity: Identity, wikidataId: string | null | undefined): Promise<ImportJobRecord> {
    const given = (wikidataId ?? '').trim().toUpperCase();
    const qid = given !== '' ? given : ((await this.jurisdictions.find(scopeOf(identity)))?.wikidataId ?? '');
    if (qid === '') {
      throw ValidationError.forField('wikidataId', 'your jurisdiction has no Wikidata id in its profile: give the Wikidata id whose ties to import, e.g. Q2861 for Rostock');
    }
    if (!isWikidataItemId(qid)) throw ValidationError.forField('wikidataId', `${quoted(wikidataId)} is not a Wikidata item id (Q followed by digits, e.g. Q2861)`);
    if (!(await this.catalogue.current())) {
      throw new ConflictError('the twinning catalogue has not been loaded yet; a platform-admin loads it (loadTwinningCatalogue or npm run cli -- import twinning-catalogue)');
    }
    return this.start(identity, 'twinning-ties', { wikidataId: qid }, `twinning ties of ${qid}`);
  }

  /** Replaces the platform-wide catalogue; one load at a time, since a load replaces what the last one wrote. */
  async startCatalogueLoad(identity: Identity, relations: string, names: string): Promise<ImportJobRecord> {
    checkImportDocument('relations', relations, MAX_CATALOGUE_CHARACTERS);
    checkImportDocument('names', names, MAX_CATALOGUE_CHARACTERS);
    if (relations.length + names.length > MAX_CATALOGUE_CHARACTERS) {
      throw ValidationError.forField('relations', `the two files are ${megabytes(relations.length + names.length)} together; a catalogue load takes at most ${megabytes(MAX_CATALOGUE_CHARACTERS)}`);
    }
    if (await this.jobs.hasUnfinished('twinning-catalogue')) {
      throw new ConflictError('a twinning catalogue load is already running; wait for it to finish (importJobs) and load again if needed');
    }
    return this.start(identity, 'twinning-catalogue', { relations, names }, `twinning catalogue: relations.tsv ${sizeOf(relations)}; names.tsv ${sizeOf(names)}`);
  }

  async get(identity: Identity, jobId: string): Promise<ImportJobRecord> {
    const job = await this.jobs.get(scopeOf(identity), jobId);
    if (!job) throw new NotFoundError('Import job', jobId);
    return job;
  }

  list(identity: Identity, args: PageArgs): Promise<Page<ImportJobRecord & Stored>> {
    return this.jobs.list(scopeOf(identity), args);
  }

  private async start(identity: Identity, kind: ImportJobKind, input: Record<string, string>, summary: string): Promise<ImportJobRecord> {
    const now = new Date();
    const job = await this.jobs.create({
      jurisdictionId: identity.jurisdictionId,
      jobId: randomUUID(),
      kind,
      status: 'queued',
      input,
      summary,
      steps: null,
      progress: progressOf(0, 0),
      report: [],
      counts: { created: 0, skipped: 0 },
      failure: null,
      createdBy: identity.userId,
      createdByName: identity.username,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
      leaseUntil: null,
      leaseOwner: null,
    });
    this.runner.kick();
    const { input: _input, ...visible } = job;
    return { ...visible, input: null };
  }
}
