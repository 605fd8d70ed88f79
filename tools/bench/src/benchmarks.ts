import { BenchmarkResult, score } from './report';
import { latencyStats } from './stats';
import type { CatalogueImportMeasurement, ViewsMeasurement } from './measurements';

/** The goals of issue 3: the full import under 30 s and 300 MB extra memory; each view under 50 ms median. */
export const GOALS = { importSeconds: 30, importExtraMb: 300, viewMedianMs: 50 } as const;

const MB = 1024 * 1024;

export function catalogueImportResult(m: CatalogueImportMeasurement): BenchmarkResult {
  const extraRss = (m.memory.peakRss - m.memory.baseline.rss) / MB;
  const extraHeap = (m.memory.peak.heapUsed - m.memory.baseline.heapUsed) / MB;
  return {
    name: 'A. Wikidata twinning TSV → platform-wide partner catalogue (TwinningCatalogueRepository.load, parse + bulk write)',
    notes: [
      `${m.relationsLines.toLocaleString('en-GB')} edge lines (${m.duplicateLines} repeated), ${m.places.toLocaleString('en-GB')} places, ${m.ties.toLocaleString('en-GB')} distinct ties`,
      `memory over a post-GC baseline in a process of its own; RSS peak is the kernel high-water mark, heap peak from ${m.memory.samples} samples`,
    ],
    metrics: [
      score({ name: 'import time', value: m.seconds, unit: 's', goal: GOALS.importSeconds }),
      score({ name: 'peak extra RSS', value: extraRss, unit: 'MB', goal: GOALS.importExtraMb }),
      score({ name: 'peak extra heap', value: extraHeap, unit: 'MB', goal: GOALS.importExtraMb }),
      score({ name: 'time to first batch written', value: m.secondsToFirstBatch, unit: 's' }),
    ],
  };
}

export function viewsResult(m: ViewsMeasurement): BenchmarkResult {
  const tableOne = latencyStats(m.tableOneMs);
  const profile = latencyStats(m.countryProfileMs);
  const noiseAssets = m.noise.reduce((sum, size) => sum + size.assets, 0);
  return {
    name: `B. Views of a jurisdiction with ${m.target.assets.toLocaleString('en-GB')} assets (service calls against the MongoDB-wire server)`,
    notes: [
      `${m.target.partners} partners, ${m.target.relationships} relationships, ${m.target.engagements} engagements; ${m.noise.length} other jurisdictions with ${noiseAssets.toLocaleString('en-GB')} assets in the same collections`,
      `${tableOne.runs} timed calls each after ${m.warmUpRuns} warm-up; the goal is on the median`,
      `country profile of ${m.profileCountry}: ${m.profileSize.assets} assets, ${m.profileSize.partners} partners, ${m.profileSize.relationships} relationships, ${m.profileSize.engagements} engagements`,
    ],
    metrics: [
      score({ name: 'Table 1 summary median', value: tableOne.median, unit: 'ms', goal: GOALS.viewMedianMs }),
      score({ name: 'Table 1 summary p95', value: tableOne.p95, unit: 'ms' }),
      score({ name: `country profile (${m.profileCountry}) median`, value: profile.median, unit: 'ms', goal: GOALS.viewMedianMs }),
      score({ name: `country profile (${m.profileCountry}) p95`, value: profile.p95, unit: 'ms' }),
      score({ name: 'seeding (through the services)', value: m.seedSeconds, unit: 's' }),
    ],
  };
}
