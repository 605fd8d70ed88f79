import { performance } from 'node:perf_hooks';
import type { Connection } from 'mongoose';
import type { Identity } from '@entente/auth';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { progress, requiredEnv, runBenchProcess } from './bench-process';
import { BUSIEST_COUNTRY, InventorySeed } from './inventory-seed';
import { AssetService, CountryProfileRecords, emptyOutboxes, openRegistryContext, CountryProfileService, EngagementService, PROFILE_SECTIONS, PartnerService, RelationshipService, type RecordAssetInput, type TableOneRow } from '@entente/registry';

/** One jurisdiction's inventory, as the seed makes it. */
export interface InventorySize {
  assets: number;
  partners: number;
  relationships: number;
  engagements: number;
}

export interface ViewsMeasurement {
  benchmark: 'views';
  target: InventorySize;
  /** The other jurisdictions sharing the collections. */
  noise: InventorySize[];
  seedSeconds: number;
  warmUpRuns: number;
  /**
   * Milliseconds per timed call, in call order. Cold: each call is the first
   * read after a real write (an asset recorded, untimed), so the cache cannot
   * answer it. Warm: repeated calls with no write between them.
   */
  tableOneColdMs: number[];
  tableOneWarmMs: number[];
  countryProfileColdMs: number[];
  countryProfileWarmMs: number[];
  /**
   * The first read with no tallies kept (after a deploy, or after a write
   * whose outcome was lost made them untrustworthy): it counts from scratch,
   * over every asset, and keeps the count. Untimed before each: the tallies
   * are dropped.
   */
  tableOneRecountMs: number[];
  countryProfileRecountMs: number[];
  /** Milliseconds per write made before each timed cold call (recordAsset, including its two inventory-version bumps). */
  writeMs: number[];
  /** Assets the cold runs recorded (warm-up included): the inventory grows by one per cold read. */
  writes: number;
  profileCountry: string;
  /** How much the profile of that country holds: it grows with the inventory. */
  profileSize: { assets: number; partners: number; relationships: number; engagements: number };
}

const TARGET: InventorySize = { assets: 10_000, partners: 400, relationships: 400, engagements: 800 };
const NOISE: InventorySize[] = [
  { assets: 1_500, partners: 100, relationships: 100, engagements: 200 },
  { assets: 1_500, partners: 100, relationships: 100, engagements: 200 },
];
const WARM_UP_RUNS = 5;
const TIMED_RUNS = Number(process.env.BENCH_RUNS ?? 50);
/** Counting from scratch is the rare path: fewer runs. */
const RECOUNT_RUNS = 10;
/** Writes in flight while seeding: a busy office's worth of clients, not a bulk load. */
const CONCURRENCY = 8;

function identityOf(jurisdictionId: string): Identity {
  return { userId: `bench-${jurisdictionId}`, username: `bench-${jurisdictionId}`, jurisdictionId, roles: ['staff'] };
}

async function inParallel(count: number, work: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, worker));
}

interface Services {
  assets: AssetService;
  partners: PartnerService;
  relationships: RelationshipService;
  engagements: EngagementService;
}

/** Everything through the registry's services, as a person or an import would record it. */
async function seedJurisdiction(services: Services, identity: Identity, size: InventorySize, seed: InventorySeed): Promise<void> {
  await inParallel(size.assets, (i) => services.assets.record(identity, seed.asset(i)));
  const partnerIds: string[] = [];
  await inParallel(size.partners, async (i) => {
    partnerIds.push((await services.partners.register(identity, seed.partner(i))).partnerId);
  });
  await inParallel(size.relationships, (i) => services.relationships.establish(identity, seed.relationship(partnerIds[i % partnerIds.length] as string)));
  await inParallel(size.engagements, () => services.engagements.log(identity, seed.engagement(partnerIds)));
}

async function timed<T>(runs: number, call: () => Promise<T>, check: (result: T) => void = () => undefined): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const result = await call();
    samples.push(performance.now() - started);
    check(result);
  }
  return samples;
}

/** The write before each cold read: an export to the profiled country, so it changes both views. */
function benchWrite(i: number): RecordAssetInput {
  return {
    name: `Bench write ${i + 1}`,
    category: 'economic-foundations',
    type: 'export-sector',
    countries: [BUSIEST_COUNTRY],
    magnitude: { value: 1_000, unit: 'money', currency: 'EUR' },
    asOf: '2025-06-30',
  };
}

function assetsCounted(rows: TableOneRow[]): number {
  return rows.filter((row) => row.category !== 'existing-international-relationships').reduce((sum, row) => sum + row.count, 0);
}

/** The assets the profile counts in its sections (it lists only the first of each). */
function profileAssets(profile: CountryProfileRecords): number {
  return PROFILE_SECTIONS.reduce((sum, section) => sum + profile[section].count, 0);
}

/**
 * Times `read` as the first read after a real write, `runs` times (after the
 * warm-up): the write is not timed, the read is, and each read must show the
 * write (`count` one more than before) or the benchmark fails — a stale
 * cache would be caught here.
 */
async function timedAfterWrites<T>(
  runs: number,
  write: () => Promise<number>,
  read: () => Promise<T>,
  count: (result: T) => number,
): Promise<{ readMs: number[]; writeMs: number[] }> {
  const readMs: number[] = [];
  const writeMs: number[] = [];
  let expected = count(await read());
  for (let i = 0; i < WARM_UP_RUNS + runs; i += 1) {
    writeMs.push(await write());
    expected += 1;
    const started = performance.now();
    const result = await read();
    const elapsed = performance.now() - started;
    if (count(result) !== expected) throw new Error(`a read right after a write counted ${count(result)}, not ${expected}: the view was stale`);
    if (i >= WARM_UP_RUNS) readMs.push(elapsed);
  }
  return { readMs, writeMs: writeMs.slice(WARM_UP_RUNS) };
}

/**
 * Benchmark B: the Table 1 summary and the country profile of a jurisdiction
 * with 10,000 assets, called the way their resolvers call them, against the
 * MongoDB-wire server with two other jurisdictions' inventories in the same
 * collections. Each view is timed cold (every read right after a write, so
 * the view cache cannot answer: it reads the kept tallies and lists), warm
 * (repeated reads the cache answers) and recounted (right after a write with
 * the kept tallies dropped, so it counts from scratch over every asset).
 */
async function measure(): Promise<ViewsMeasurement> {
  const context = await openRegistryContext({ mongoUrl: requiredEnv('MONGO_URL'), database: requiredEnv('BENCH_DATABASE') });
  const connection = context.get<Connection>(MONGO_CONNECTION, { strict: false });
  try {
    const services: Services = {
      assets: context.get(AssetService, { strict: false }),
      partners: context.get(PartnerService, { strict: false }),
      relationships: context.get(RelationshipService, { strict: false }),
      engagements: context.get(EngagementService, { strict: false }),
    };
    const profiles = context.get(CountryProfileService, { strict: false });
    const target = identityOf('bench-target');

    const seedStarted = performance.now();
    await seedJurisdiction(services, target, TARGET, new InventorySeed(1));
    progress(`views: seeded ${TARGET.assets} assets, ${TARGET.partners} partners, ${TARGET.relationships} relationships, ${TARGET.engagements} engagements`);
    for (const [i, size] of NOISE.entries()) await seedJurisdiction(services, identityOf(`bench-noise-${i + 1}`), size, new InventorySeed(100 + i));
    progress(`views: seeded ${NOISE.length} other jurisdictions`);
    await emptyOutboxes(connection);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    progress(`views: seeding took ${seedSeconds.toFixed(1)} s`);

    const counted = assetsCounted(await services.assets.tableOne(target));
    if (counted !== TARGET.assets) throw new Error(`the Table 1 summary counts ${counted} assets, not the ${TARGET.assets} seeded`);
    const profile = await profiles.profile(target, BUSIEST_COUNTRY);

    let writes = 0;
    const write = async (): Promise<number> => {
      const started = performance.now();
      await services.assets.record(target, benchWrite(writes++));
      return performance.now() - started;
    };
    const tableOne = () => services.assets.tableOne(target);
    const countryProfile = () => profiles.profile(target, BUSIEST_COUNTRY);

    const tableOneCold = await timedAfterWrites(TIMED_RUNS, write, tableOne, assetsCounted);
    const unchanged = assetsCounted(await tableOne());
    await timed(WARM_UP_RUNS, tableOne);
    const tableOneWarmMs = await timed(TIMED_RUNS, tableOne, (rows) => {
      if (assetsCounted(rows) !== unchanged) throw new Error('a repeated Table 1 read changed without a write');
    });
    progress(`views: Table 1 timed (${writes} writes so far)`);
    const profileCold = await timedAfterWrites(TIMED_RUNS, write, countryProfile, profileAssets);
    await timed(WARM_UP_RUNS, countryProfile);
    const countryProfileWarmMs = await timed(TIMED_RUNS, countryProfile);

    // Each read after the kept tallies are dropped (and after a write, so no cache answers either).
    const versions = connection.collection('inventory_versions');
    const dropTallies = async (): Promise<number> => {
      const writeMs = await write();
      await versions.updateOne({ jurisdictionId: target.jurisdictionId }, { $unset: { tableOne: '', tableOneBuiltAt: '', countries: '', builtCountries: '' } });
      return writeMs;
    };
    const tableOneRecount = await timedAfterWrites(RECOUNT_RUNS, dropTallies, tableOne, assetsCounted);
    const profileRecount = await timedAfterWrites(RECOUNT_RUNS, dropTallies, countryProfile, profileAssets);
    progress(`views: counts from scratch timed (${writes} writes in all)`);

    return {
      benchmark: 'views',
      target: TARGET,
      noise: NOISE,
      seedSeconds,
      warmUpRuns: WARM_UP_RUNS,
      tableOneColdMs: tableOneCold.readMs,
      tableOneWarmMs,
      countryProfileColdMs: profileCold.readMs,
      countryProfileWarmMs,
      tableOneRecountMs: tableOneRecount.readMs,
      countryProfileRecountMs: profileRecount.readMs,
      writeMs: [...tableOneCold.writeMs, ...profileCold.writeMs],
      writes,
      profileCountry: BUSIEST_COUNTRY,
      profileSize: {
        assets: profileAssets(profile),
        partners: profile.partners.length,
        relationships: profile.relationships.length,
        engagements: profile.engagements.length,
      },
    };
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await context.close();
  }
}

if (require.main === module) runBenchProcess(measure);
