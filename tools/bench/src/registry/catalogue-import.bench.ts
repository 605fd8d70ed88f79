import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openMongoConnection } from '@entente/persistence';
import { progress, requiredEnv, runBenchProcess } from './bench-process';
import { MemorySampler, MemoryPeaks } from './memory-sampler';
import { TwinningCatalogueRepository } from '@entente/registry';

/** What this process reports to npm run bench. */
export interface CatalogueImportMeasurement {
  benchmark: 'catalogue-import';
  /** Edge lines read (distinct directed edges plus repeated lines). */
  relationsLines: number;
  places: number;
  ties: number;
  directedEdges: number;
  duplicateLines: number;
  /** From opening the files to the catalogue switched to the new load. */
  seconds: number;
  /** Until the first batch of places was written: reading and interning both files dominate it. */
  secondsToFirstBatch: number;
  memory: MemoryPeaks;
}

/**
 * Benchmark A: the whole Wikidata twinning TSV pair loaded as the
 * platform-wide partner catalogue through TwinningCatalogueRepository.load,
 * streaming both files from disk and writing to the MongoDB-wire server,
 * in a process of its own so that its memory is the import's alone.
 */
async function measure(): Promise<CatalogueImportMeasurement> {
  const dir = requiredEnv('BENCH_TWINNING_DIR');
  const connection = await openMongoConnection({ url: requiredEnv('MONGO_URL'), database: requiredEnv('BENCH_DATABASE') });
  try {
    const catalogue = new TwinningCatalogueRepository(connection);
    // Collections and the unique index exist before the clock starts, as they do in a running registry.
    await Promise.all(connection.modelNames().map((name) => connection.model(name).init()));

    const sampler = new MemorySampler().start();
    const started = performance.now();
    let firstBatchAt: number | undefined;
    const result = await catalogue.load(createReadStream(join(dir, 'relations.tsv')), createReadStream(join(dir, 'names.tsv')), {
      loadedBy: 'npm run bench',
      onProgress: (done, total) => {
        firstBatchAt ??= performance.now();
        sampler.sample();
        if (done === total || done % 5000 === 0) progress(`catalogue: ${done} of ${total} places written`);
      },
    });
    const finished = performance.now();
    const memory = sampler.stop();
    if (!result.ok) throw new Error(`the twinning data did not load: ${JSON.stringify(result.problems.slice(0, 5))}`);
    return {
      benchmark: 'catalogue-import',
      relationsLines: result.stats.directedEdgeCount + result.stats.duplicateLineCount,
      places: result.stats.qidCount,
      ties: result.stats.tieCount,
      directedEdges: result.stats.directedEdgeCount,
      duplicateLines: result.stats.duplicateLineCount,
      seconds: (finished - started) / 1000,
      secondsToFirstBatch: ((firstBatchAt ?? finished) - started) / 1000,
      memory,
    };
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}

if (require.main === module) runBenchProcess(measure);
