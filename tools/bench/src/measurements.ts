import { z } from 'zod';

/**
 * What the benchmark processes (tools/bench/src/registry) send back. They
 * run the registry's code, which tooling may not import, so the shapes are
 * checked here at the process boundary instead of shared as types.
 */
const memoryFigures = z.object({ rss: z.number(), heapUsed: z.number() });

export const catalogueImportMeasurement = z.object({
  benchmark: z.literal('catalogue-import'),
  relationsLines: z.number().int(),
  places: z.number().int(),
  ties: z.number().int(),
  directedEdges: z.number().int(),
  duplicateLines: z.number().int(),
  seconds: z.number(),
  secondsToFirstBatch: z.number(),
  memory: z.object({ baseline: memoryFigures, peak: memoryFigures, peakRss: z.number(), samples: z.number().int() }),
});
export type CatalogueImportMeasurement = z.infer<typeof catalogueImportMeasurement>;

const inventorySize = z.object({ assets: z.number().int(), partners: z.number().int(), relationships: z.number().int(), engagements: z.number().int() });

export const viewsMeasurement = z.object({
  benchmark: z.literal('views'),
  target: inventorySize,
  noise: z.array(inventorySize),
  seedSeconds: z.number(),
  warmUpRuns: z.number().int(),
  tableOneColdMs: z.array(z.number()).min(1),
  tableOneWarmMs: z.array(z.number()).min(1),
  countryProfileColdMs: z.array(z.number()).min(1),
  countryProfileWarmMs: z.array(z.number()).min(1),
  tableOneRecountMs: z.array(z.number()).min(1),
  countryProfileRecountMs: z.array(z.number()).min(1),
  writeMs: z.array(z.number()).min(1),
  writes: z.number().int(),
  profileCountry: z.string(),
  profileSize: inventorySize,
});
export type ViewsMeasurement = z.infer<typeof viewsMeasurement>;
