import { z } from 'zod';

/**
 * What the benchmark processes (tools/bench/src/registry and planning) send
 * back. They run a service's code, which the rest of tooling may not import,
 * so the shapes are checked here at the process boundary instead of shared
 * as types.
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

/** The planning benchmarks (tools/bench/src/planning): pure CPU in process, milliseconds per timed call. */
export const capacityCheckMeasurement = z.object({
  benchmark: z.literal('capacity-check'),
  activities: z.number().int(),
  remedies: z.number().int(),
  overages: z.number().int(),
  fits: z.boolean(),
  samplePlanMs: z.number(),
  warmUpRuns: z.number().int(),
  checkMs: z.array(z.number()).min(1),
});
export type CapacityCheckMeasurement = z.infer<typeof capacityCheckMeasurement>;

export const reportHtmlMeasurement = z.object({
  benchmark: z.literal('report-html'),
  activities: z.number().int(),
  doneActivities: z.number().int(),
  priorities: z.number().int(),
  decisions: z.number().int(),
  htmlBytes: z.number().int(),
  csvBytes: z.number().int(),
  warmUpRuns: z.number().int(),
  totalMs: z.array(z.number()).min(1),
  buildMs: z.array(z.number()).min(1),
  htmlMs: z.array(z.number()).min(1),
  csvMs: z.array(z.number()).min(1),
});
export type ReportHtmlMeasurement = z.infer<typeof reportHtmlMeasurement>;

export const consoleFirstLoadMeasurement = z.object({
  benchmark: z.literal('console-first-load'),
  consoleUrl: z.string(),
  user: z.string(),
  chromium: z.string(),
  toLoginPageMs: z.array(z.number()).min(1),
  signInToHomeMs: z.array(z.number()).min(1),
  reloadMs: z.array(z.number()).min(1),
  scriptWireBytes: z.number().int(),
  scriptFiles: z.number().int(),
});
export type ConsoleFirstLoadMeasurement = z.infer<typeof consoleFirstLoadMeasurement>;

const memoryPeaks = z.object({ baseline: memoryFigures, peak: memoryFigures, peakRss: z.number(), samples: z.number().int() });
const runCounts = z.object({ read: z.number().int(), new: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), skipped: z.number().int(), superseded: z.number().int(), errors: z.number().int() });

/** Funding's extract benchmark (tools/bench/src/funding). */
export const extractIngestMeasurement = z.object({
  benchmark: z.literal('extract-ingest'),
  records: z.number().int(),
  xmlBytes: z.number().int(),
  zipBytes: z.number().int(),
  generateSeconds: z.number().nullable(),
  parseSeconds: z.number(),
  parseMemory: memoryPeaks,
  ingestSeconds: z.number(),
  ingestMemory: memoryPeaks,
  counts: runCounts,
  events: z.number().int(),
  reingestSeconds: z.number(),
  reingestMemory: memoryPeaks,
  reingestCounts: z.object({ new: z.number().int(), changed: z.number().int() }),
  reingestEvents: z.number().int(),
  /** The same file with one opportunity's close date moved, ingested after the re-ingest. */
  moved: z.object({ opportunityId: z.string(), seconds: z.number(), new: z.number().int(), changed: z.number().int(), events: z.number().int(), eventType: z.string(), changedFields: z.array(z.string()) }),
});
export type ExtractIngestMeasurement = z.infer<typeof extractIngestMeasurement>;

/** Network's spotter (tools/bench/src/network): pure CPU in process, milliseconds per rebuild and per incoming event, at several network sizes. */
export const spottingMeasurement = z.object({
  benchmark: z.literal('spotting'),
  priorities: z.number().int(),
  activities: z.number().int(),
  ties: z.number().int(),
  calls: z.number().int(),
  sizes: z
    .array(
      z.object({
        members: z.number().int(),
        records: z.number().int(),
        suggestions: z.number().int(),
        rebuildMs: z.array(z.number()).min(1),
        eventMs: z.array(z.number()).min(1),
        rebuildCpuMs: z.array(z.number()).min(1),
        eventCpuMs: z.array(z.number()).min(1),
      }),
    )
    .min(1),
});
export type SpottingMeasurement = z.infer<typeof spottingMeasurement>;

/** Funding's saved-search matching benchmark (tools/bench/src/funding). */
export const searchMatchingMeasurement = z.object({
  benchmark: z.literal('search-matching'),
  opportunities: z.number().int(),
  rows: z
    .array(
      z.object({
        searches: z.number().int(),
        indexMs: z.number(),
        evaluateMs: z.array(z.number()).min(1),
        matches: z.number().int(),
      }),
    )
    .min(2),
  /** Opportunity × search pairs also tested one by one with meetsCriteria, and whether the index answered the same. */
  bruteForceChecked: z.number().int(),
  sameAsCriteria: z.boolean(),
});
export type SearchMatchingMeasurement = z.infer<typeof searchMatchingMeasurement>;
