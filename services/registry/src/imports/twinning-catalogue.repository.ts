import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import type { RowProblem } from './csv-import';
import {
  CATALOGUE_LOAD_MODEL,
  CATALOGUE_PLACE_MODEL,
  CatalogueLoadRecord,
  CatalogueLoadSchema,
  CataloguePlaceRecord,
  CataloguePlaceSchema,
  CURRENT_CATALOGUE,
} from './twinning-catalogue.schema';
import { byQid, LineProblem, LineSource, partnerCatalogue, readNames, readRelations, TwinTie } from './wikidata-twinning';

export interface CatalogueLoadOptions {
  /** The id to write the places under; a job passes its own so that running it again overwrites its earlier attempt. */
  readonly loadId?: string;
  readonly loadedBy?: string;
  /** Places written so far out of all; called after each batch. */
  readonly onProgress?: (done: number, total: number) => void | Promise<void>;
  readonly batchSize?: number;
}

export interface CatalogueStats {
  readonly loadId: string;
  readonly qidCount: number;
  readonly tieCount: number;
  readonly directedEdgeCount: number;
  readonly duplicateLineCount: number;
}

export type CatalogueLoadResult = { readonly ok: true; readonly stats: CatalogueStats } | { readonly ok: false; readonly problems: RowProblem[] };

/** The report names the file a bad line is in; `row` is its line number. */
export const RELATIONS_FILE_FIELD = 'relations.tsv';
export const NAMES_FILE_FIELD = 'names.tsv';

const DEFAULT_BATCH_SIZE = 1000;

/**
 * The platform-wide twinning catalogue (see twinning-catalogue.schema.ts). Not
 * a tenant repository: the catalogue is public data that belongs to no
 * jurisdiction; what a jurisdiction takes from it is created through its own
 * partners and relationships.
 */
@Injectable()
export class TwinningCatalogueRepository {
  private readonly places: Model<CataloguePlaceRecord>;
  private readonly loads: Model<CatalogueLoadRecord>;

  constructor(@Inject(MONGO_CONNECTION) connection: Connection) {
    this.places = connection.model<CataloguePlaceRecord>(CATALOGUE_PLACE_MODEL, CataloguePlaceSchema);
    this.loads = connection.model<CatalogueLoadRecord>(CATALOGUE_LOAD_MODEL, CatalogueLoadSchema);
  }

  /**
   * Reads the TSV pair (strings or streams), and only if every line is good
   * writes the catalogue in bulk and then switches to it in one write. A bad
   * line anywhere leaves the catalogue in use untouched and comes back as a
   * report naming file and line. The previous catalogue's places are removed
   * after the switch.
   */
  async load(relations: LineSource, names: LineSource, options: CatalogueLoadOptions = {}): Promise<CatalogueLoadResult> {
    const nameProblems: LineProblem[] = [];
    const relationProblems: LineProblem[] = [];
    const labels = await readNames(names, nameProblems);
    const catalogue = await partnerCatalogue(readRelations(relations, relationProblems), labels);
    const problems = [
      ...relationProblems.map((p) => ({ row: p.line, field: RELATIONS_FILE_FIELD, reason: p.reason })),
      ...nameProblems.map((p) => ({ row: p.line, field: NAMES_FILE_FIELD, reason: p.reason })),
    ];
    if (catalogue.tieCount === 0 && relationProblems.length === 0) {
      problems.push({ row: 1, field: RELATIONS_FILE_FIELD, reason: 'holds no ties: expected lines of two Wikidata ids separated by a tab' });
    }
    if (problems.length > 0) return { ok: false, problems };

    const counterparts: number[][] = catalogue.qids.map(() => []);
    for (let i = 0; i < catalogue.tieCount; i += 1) {
      const a = catalogue.ties[2 * i] as number;
      const b = catalogue.ties[2 * i + 1] as number;
      counterparts[a]?.push(b);
      counterparts[b]?.push(a);
    }

    const loadId = options.loadId ?? randomUUID();
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    // An earlier, interrupted attempt of the same load left some places: start clean.
    await this.places.deleteMany({ loadId }).exec();
    const total = catalogue.qidCount;
    for (let start = 0; start < total; start += batchSize) {
      const batch: CataloguePlaceRecord[] = [];
      for (let index = start; index < Math.min(total, start + batchSize); index += 1) {
        batch.push({
          loadId,
          qid: catalogue.qids[index] as string,
          label: catalogue.labels[index] as string,
          counterparts: (counterparts[index] ?? []).map((other) => catalogue.qids[other] as string),
        });
      }
      await this.places.insertMany(batch, { ordered: false, lean: true });
      await options.onProgress?.(Math.min(total, start + batchSize), total);
    }

    const stats: CatalogueStats = {
      loadId,
      qidCount: catalogue.qidCount,
      tieCount: catalogue.tieCount,
      directedEdgeCount: catalogue.directedEdgeCount,
      duplicateLineCount: catalogue.duplicateLineCount,
    };
    const previous = await this.loads
      .findOneAndUpdate(
        { _id: CURRENT_CATALOGUE },
        { $set: { loadId, loadedAt: new Date(), loadedBy: options.loadedBy ?? 'unknown', qidCount: stats.qidCount, tieCount: stats.tieCount, directedEdgeCount: stats.directedEdgeCount } },
        { upsert: true, returnDocument: 'before' },
      )
      .lean()
      .exec();
    // Only the load that was in use is removed: another load running at the same time keeps its places.
    if (previous && previous.loadId !== loadId) await this.places.deleteMany({ loadId: previous.loadId }).exec();
    return { ok: true, stats };
  }

  /** The catalogue in use, or null before the first load. */
  current(): Promise<CatalogueLoadRecord | null> {
    return this.loads.findById(CURRENT_CATALOGUE).lean<CatalogueLoadRecord>().exec();
  }

  /**
   * The distinct counterparts of one place with their labels, ordered by QID
   * number; empty when the place has no ties; null when no catalogue is loaded.
   */
  async tiesOf(qid: string): Promise<TwinTie[] | null> {
    const current = await this.current();
    if (!current) return null;
    const place = await this.places.findOne({ loadId: current.loadId, qid }, { counterparts: 1 }).lean<Pick<CataloguePlaceRecord, 'counterparts'>>().exec();
    if (!place) return [];
    const labels = await this.labelsIn(current.loadId, place.counterparts);
    return [...new Set(place.counterparts)].sort(byQid).map((counterpartQid) => ({ counterpartQid, counterpartLabel: labels.get(counterpartQid) ?? counterpartQid }));
  }

  /** Labels of the given places, where the catalogue knows them. */
  async labelsOf(qids: readonly string[]): Promise<Map<string, string>> {
    const current = await this.current();
    return current ? this.labelsIn(current.loadId, qids) : new Map();
  }

  private async labelsIn(loadId: string, qids: readonly string[]): Promise<Map<string, string>> {
    if (qids.length === 0) return new Map();
    const found = await this.places
      .find({ loadId, qid: { $in: [...qids] } }, { _id: 0, qid: 1, label: 1 })
      .lean<Array<Pick<CataloguePlaceRecord, 'qid' | 'label'>>>()
      .exec();
    return new Map(found.map((place) => [place.qid, place.label]));
  }
}
