import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Connection, Types } from 'mongoose';
import type { Identity } from '@entente/auth';
import { scopeOf } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { testEndpoints } from '@entente/testing';
import { openRegistryContext } from '../harness/inventory-context';
import { InventoryVersionRepository } from '../inventory-version/inventory-version.repository';
import { countryCellsOf, HEAD_SIZE, MAX_KEPT_COUNTRIES, sectionSummariesOf, tableOneCellsOf, TalliedAsset, talliesOf, tallyChanges } from './asset-tallies';
import { AssetRepository } from './asset.repository';
import type { RecordAssetInput } from './asset.rules';
import { AssetService } from './asset.service';
import { InventoryTallies } from './inventory-tallies';
import { PROFILE_SECTIONS } from './profile-sections';

/**
 * The kept Table 1 tallies against the real MongoDB-wire server: after
 * concurrent writes through two registry processes they equal a count from
 * scratch, and a writer that dies half-way (its write applied or not) leaves
 * nothing that a reader does not put right.
 */
describe('Table 1 tallies kept write by write', () => {
  const database = `entente_tallies_${randomUUID().slice(0, 8)}`;
  let replicaA: INestApplicationContext;
  let replicaB: INestApplicationContext;

  const identityOf = (jurisdictionId: string): Identity => ({ userId: 'tallies-staff', username: 'tallies-staff', jurisdictionId, roles: ['staff', 'jurisdiction-admin'] });
  const parts = (context: INestApplicationContext) => ({
    service: context.get(AssetService, { strict: false }),
    repository: context.get(AssetRepository, { strict: false }),
    versions: context.get(InventoryVersionRepository, { strict: false }),
  });
  const input = (i: number): RecordAssetInput => ({
    name: `Asset ${i}`,
    category: i % 3 === 0 ? 'economic-foundations' : 'innovation-strengths',
    type: i % 3 === 0 ? 'export-sector' : 'university',
    countries: i % 2 === 0 ? ['DK'] : i % 5 === 0 ? ['SE'] : ['DK', 'SE'],
    magnitude: i % 2 === 0 ? { value: 100 + i / 10, unit: 'money', currency: i % 4 === 0 ? 'EUR' : 'USD' } : null,
    asOf: '2025-06-30',
  });
  /** What the tallies must read: the live assets counted from scratch by the database. */
  const countedFromScratch = async (jurisdictionId: string) => talliesOf(tableOneCellsOf(await parts(replicaA).repository.tallies(scopeOf(identityOf(jurisdictionId)))));
  const talliedOf = (asset: RecordAssetInput & { assetId: string }): TalliedAsset => ({
    assetId: asset.assetId,
    oid: new Types.ObjectId().toHexString(),
    category: asset.category as TalliedAsset['category'],
    type: asset.type as TalliedAsset['type'],
    magnitude: (asset.magnitude as TalliedAsset['magnitude']) ?? null,
    countries: asset.countries ?? [],
  });
  const sorted = <T extends { category: string; type: string; figure: { unit: string; currency: string | null } | null }>(tallies: T[]) =>
    [...tallies].sort((a, b) => JSON.stringify([a.category, a.type, a.figure]).localeCompare(JSON.stringify([b.category, b.type, b.figure])));

  beforeAll(async () => {
    const { mongoUrl } = testEndpoints();
    [replicaA, replicaB] = await Promise.all([openRegistryContext({ mongoUrl, database }), openRegistryContext({ mongoUrl, database })]);
  });

  afterAll(async () => {
    await replicaA?.get<Connection>(MONGO_CONNECTION, { strict: false }).dropDatabase().catch(() => undefined);
    await Promise.all([replicaA?.close(), replicaB?.close()]);
  });

  it('equal a count from scratch after concurrent records, updates and removals in two processes, with nothing left pending', async () => {
    const jurisdictionId = `tallies-${randomUUID().slice(0, 8)}`;
    const identity = identityOf(jurisdictionId);
    const [a, b] = [parts(replicaA), parts(replicaB)];
    // The first read counts from scratch and keeps the count; from then on every write keeps it.
    const first = await a.service.record(identity, input(0));
    await new InventoryTallies(a.repository, a.versions).tableOne(scopeOf(identityOf(jurisdictionId)));
    await new InventoryTallies(a.repository, a.versions).country(scopeOf(identityOf(jurisdictionId)), 'DK');
    expect((await a.versions.tableOneState(scopeOf(identityOf(jurisdictionId))))?.tallies).not.toBeNull();
    expect((await a.versions.countryState(scopeOf(identityOf(jurisdictionId)), 'DK'))?.tallies).not.toBeNull();
    const recorded = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).service.record(identity, input(i))));
    // Which concurrent updates and removals win varies; these stay, so both countries always have a full head to compare.
    const universities = Array.from({ length: HEAD_SIZE + 5 }, (_, i) => ({ ...input(1), name: `University ${i}`, countries: ['DK', 'SE'] }));
    await Promise.all(universities.map((university, i) => (i % 2 === 0 ? b : a).service.record(identity, university)));
    // Two processes update the same assets at once: one of each pair may lose (CONFLICT), and must change nothing.
    const outcomes = await Promise.allSettled(
      recorded.slice(0, 30).flatMap((asset, i) => [a.service.update(identity, asset.assetId, input(i + 1)), b.service.update(identity, asset.assetId, input(i + 2))]),
    );
    const removals = await Promise.allSettled(recorded.slice(20, 45).map((asset, i) => (i % 2 === 0 ? a : b).service.remove(identity, asset.assetId)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBeGreaterThanOrEqual(30);
    expect(removals.some((outcome) => outcome.status === 'fulfilled')).toBe(true);

    const expected = sorted(await countedFromScratch(jurisdictionId));
    expect(first.assetId).toBeTruthy();
    expect(expected.reduce((sum, tally) => sum + tally.count, 0)).toBe(61 + universities.length - removals.filter((outcome) => outcome.status === 'fulfilled').length);
    const state = await a.versions.tableOneState(scopeOf(identityOf(jurisdictionId)));
    expect(state?.tallies).not.toBeNull();
    expect(state?.pending).toEqual([]);
    expect(sorted(await new InventoryTallies(a.repository, a.versions).tableOne(scopeOf(identityOf(jurisdictionId))))).toEqual(expected);
    expect(sorted(await new InventoryTallies(b.repository, b.versions).tableOne(scopeOf(identityOf(jurisdictionId))))).toEqual(expected);

    // Denmark's profile tallies were kept through it all; Sweden's, never read, were not kept and are counted now.
    for (const country of ['DK', 'SE']) {
      const scope = scopeOf(identityOf(jurisdictionId));
      const counted = sectionSummariesOf(countryCellsOf(await a.repository.tallies(scope, country)));
      const heads = await a.repository.countryHeads(scope, country, HEAD_SIZE);
      const kept = await new InventoryTallies(b.repository, b.versions).country(scope, country);
      expect(PROFILE_SECTIONS.map((section) => [kept[section].count, kept[section].keyFigures, kept[section].head])).toEqual(
        PROFILE_SECTIONS.map((section) => [counted[section].count, counted[section].keyFigures, heads[section] ?? []]),
      );
      // Enough assets that a head is full and a section's figures mix currencies: the comparison is not of empty sections.
      expect(kept.otherAssets.count).toBeGreaterThan(HEAD_SIZE);
      expect(kept.otherAssets.head).toHaveLength(HEAD_SIZE);
      expect(kept.exports.count).toBeGreaterThan(0);
    }
  });

  it('keeps a country\'s profile tallies and first assets through concurrent records and updates, without counting again', async () => {
    const jurisdictionId = `tallies-${randomUUID().slice(0, 8)}`;
    const scope = scopeOf(identityOf(jurisdictionId));
    const identity = identityOf(jurisdictionId);
    const [a, b] = [parts(replicaA), parts(replicaB)];
    await a.service.record(identity, input(0));
    await new InventoryTallies(a.repository, a.versions).country(scope, 'DK');
    const recorded = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).service.record(identity, { ...input(i), countries: ['DK'] })));
    // New figures, same countries and types: no asset leaves a head, so nothing needs counting again.
    await Promise.all(recorded.slice(0, 20).map((asset, i) => (i % 2 === 0 ? b : a).service.update(identity, asset.assetId, { ...input(i), countries: ['DK'], magnitude: { value: 7 + i, unit: 'jobs' } })));

    const state = await a.versions.countryState(scope, 'DK');
    expect(state?.pending).toEqual([]);
    expect(state?.tallies?.dirty).toBe(false);
    const counted = sectionSummariesOf(countryCellsOf(await a.repository.tallies(scope, 'DK')));
    expect(sectionSummariesOf(state?.tallies?.cells ?? {})).toEqual(counted);
    expect(state?.tallies?.heads).toEqual(await a.repository.countryHeads(scope, 'DK', HEAD_SIZE));
    expect(counted.otherAssets.count + counted.exports.count).toBe(41);
  });

  it('keeps at most MAX_KEPT_COUNTRIES countries: reading one more drops the one kept longest, which is counted again when read', async () => {
    const jurisdictionId = `tallies-${randomUUID().slice(0, 8)}`;
    const scope = scopeOf(identityOf(jurisdictionId));
    const { service, repository, versions } = parts(replicaA);
    const countries = ['AD', 'AE', 'AF', 'AG', 'AL', 'AM', 'AO', 'AR', 'AT', 'AU', 'AZ', 'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BN', 'BO', 'BR', 'BS', 'BT', 'BW'];
    expect(countries.length).toBe(MAX_KEPT_COUNTRIES + 1);
    await service.record(identityOf(jurisdictionId), { ...input(3), countries });
    const tallies = new InventoryTallies(repository, versions);
    for (const country of countries) expect((await tallies.country(scope, country)).exports.count).toBe(1);

    const kept = await replicaA.get<Connection>(MONGO_CONNECTION, { strict: false }).collection('inventory_versions').findOne(scopeOf(identityOf(jurisdictionId)));
    expect(kept?.['builtCountries']).toEqual(countries.slice(1));
    expect(Object.keys(kept?.['countries'] ?? {}).sort()).toEqual(countries.slice(1).sort());
    expect((await versions.countryState(scope, 'AD'))?.tallies).toBeNull();

    // Kept countries still follow writes; the dropped one is counted again and kept, dropping the next.
    await service.record(identityOf(jurisdictionId), { ...input(3), countries: ['AE', 'AD'] });
    expect((await versions.countryState(scope, 'AE'))?.tallies?.cells).toEqual(countryCellsOf(await repository.tallies(scope, 'AE')));
    expect((await tallies.country(scope, 'AD')).exports.count).toBe(2);
    expect((await versions.countryState(scope, 'AD'))?.tallies).not.toBeNull();
    expect((await versions.countryState(scope, 'AE'))?.tallies).toBeNull();
  });

  it('counts a write whose writer died after it applied, and settles it once it is old enough', async () => {
    const jurisdictionId = `tallies-${randomUUID().slice(0, 8)}`;
    const { service, repository, versions } = parts(replicaA);
    await service.record(identityOf(jurisdictionId), input(1));
    await new InventoryTallies(repository, versions).tableOne(scopeOf(identityOf(jurisdictionId)));
    const assets = replicaA.get<Connection>(MONGO_CONNECTION, { strict: false }).collection('assets');
    const lost = { assetId: randomUUID(), ...input(3), magnitude: { value: 250, unit: 'money', currency: 'EUR' } };
    const writeId = randomUUID();
    // The write applies, then the connection drops before its writer hears back: it dies with the marker pending.
    await expect(
      versions.aroundTallied(scopeOf(identityOf(jurisdictionId)), { writeId, assetId: lost.assetId, ...tallyChanges(null, talliedOf(lost)) }, async () => {
        await assets.insertOne({ jurisdictionId, ...lost, removedAt: null, _history: [{ action: 'recorded', writeId }] });
        throw new Error('connection lost');
      }),
    ).rejects.toThrow('connection lost');
    expect((await versions.tableOneState(scopeOf(identityOf(jurisdictionId))))?.pending.map((write) => write.writeId)).toEqual([writeId]);

    const patient = new InventoryTallies(repository, versions);
    const expected = sorted(await countedFromScratch(jurisdictionId));
    expect(expected.find((tally) => tally.type === 'export-sector')).toMatchObject({ count: 1, total: 250 });
    expect(sorted(await patient.tableOne(scopeOf(identityOf(jurisdictionId))))).toEqual(expected);
    expect((await versions.tableOneState(scopeOf(identityOf(jurisdictionId))))?.pending).toHaveLength(1);

    const settling = new InventoryTallies(repository, versions, { settleAfterMs: 0, abandonAfterMs: 60_000 });
    expect(sorted(await settling.tableOne(scopeOf(identityOf(jurisdictionId))))).toEqual(expected);
    const state = await versions.tableOneState(scopeOf(identityOf(jurisdictionId)));
    expect(state?.pending).toEqual([]);
    expect(sorted(talliesOf(state?.tallies ?? {}))).toEqual(expected);
  });

  it('puts each asset write’s id in the asset’s history, the proof readers settle a dead writer’s marker by', async () => {
    const identity = identityOf(`tallies-${randomUUID().slice(0, 8)}`);
    const scope = scopeOf(identity);
    const { service, repository } = parts(replicaA);
    const asset = await service.record(identity, input(2));
    await service.update(identity, asset.assetId, { ...input(2), name: 'Renamed' });
    await service.remove(identity, asset.assetId);
    const entries = (await repository.history(scope, asset.assetId)) ?? [];
    expect(entries.map((entry) => entry.action)).toEqual(['recorded', 'updated', 'removed']);
    const writeIds = entries.map((entry) => entry.writeId);
    expect(new Set(writeIds).size).toBe(3);
    for (const writeId of writeIds) {
      expect(writeId).toEqual(expect.any(String));
      expect(await repository.hasWrite(scope, asset.assetId, writeId as string)).toBe(true);
    }
  });

  it('leaves out a write that never applied, and once it is given up counts the tallies again', async () => {
    const jurisdictionId = `tallies-${randomUUID().slice(0, 8)}`;
    const { service, repository, versions } = parts(replicaA);
    await service.record(identityOf(jurisdictionId), input(2));
    const never = { assetId: randomUUID(), ...input(3) };
    const writeId = randomUUID();
    await expect(
      versions.aroundTallied(scopeOf(identityOf(jurisdictionId)), { writeId, assetId: never.assetId, ...tallyChanges(null, talliedOf(never)) }, async () => {
        throw new Error('server selection timed out');
      }),
    ).rejects.toThrow('server selection timed out');

    const expected = sorted(await countedFromScratch(jurisdictionId));
    expect(sorted(await new InventoryTallies(repository, versions).tableOne(scopeOf(identityOf(jurisdictionId))))).toEqual(expected);

    const abandoning = new InventoryTallies(repository, versions, { settleAfterMs: 0, abandonAfterMs: 0 });
    expect(sorted(await abandoning.tableOne(scopeOf(identityOf(jurisdictionId))))).toEqual(expected);
    const untrusted = await versions.tableOneState(scopeOf(identityOf(jurisdictionId)));
    expect(untrusted).toMatchObject({ tallies: null, pending: [] });
    // The next read counts from scratch and keeps the count, which later writes then add to.
    expect(sorted(await abandoning.tableOne(scopeOf(identityOf(jurisdictionId))))).toEqual(expected);
    expect((await versions.tableOneState(scopeOf(identityOf(jurisdictionId))))?.tallies).not.toBeNull();
    await service.record(identityOf(jurisdictionId), input(5));
    expect(sorted(await abandoning.tableOne(scopeOf(identityOf(jurisdictionId))))).toEqual(sorted(await countedFromScratch(jurisdictionId)));
  });

  it('counts the assets of a jurisdiction whose tallies were never kept, and keeps them from then on', async () => {
    const jurisdictionId = `tallies-${randomUUID().slice(0, 8)}`;
    const { service, repository, versions } = parts(replicaA);
    for (let i = 0; i < 5; i += 1) await service.record(identityOf(jurisdictionId), input(i));
    // As stored before this registry kept tallies: a version document without them.
    await replicaA.get<Connection>(MONGO_CONNECTION, { strict: false }).collection('inventory_versions').updateOne(scopeOf(identityOf(jurisdictionId)), { $unset: { tableOne: '', tableOneBuiltAt: '' } });
    expect((await versions.tableOneState(scopeOf(identityOf(jurisdictionId))))?.tallies).toBeNull();

    const expected = sorted(await countedFromScratch(jurisdictionId));
    expect(sorted(await new InventoryTallies(repository, versions).tableOne(scopeOf(identityOf(jurisdictionId))))).toEqual(expected);
    expect(sorted(talliesOf((await versions.tableOneState(scopeOf(identityOf(jurisdictionId))))?.tallies ?? {}))).toEqual(expected);
  });
});
