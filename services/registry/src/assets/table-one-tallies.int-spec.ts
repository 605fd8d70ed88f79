import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { Identity } from '@entente/auth';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { testEndpoints } from '@entente/testing';
import { openRegistryContext } from '../bench/bench-context';
import { InventoryVersionRepository } from '../inventory-version/inventory-version.repository';
import { cellsOf, talliesOf, tallyIncrements } from './asset-tallies';
import { AssetRepository } from './asset.repository';
import type { RecordAssetInput } from './asset.rules';
import { AssetService } from './asset.service';
import { TableOneTallies } from './table-one-tallies';

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
    countries: ['DK'],
    magnitude: i % 2 === 0 ? { value: 100 + i / 10, unit: 'money', currency: i % 4 === 0 ? 'EUR' : 'USD' } : null,
    asOf: '2025-06-30',
  });
  /** What the tallies must read: the live assets counted from scratch by the database. */
  const countedFromScratch = async (jurisdictionId: string) => talliesOf(cellsOf(await parts(replicaA).repository.tallies({ jurisdictionId })));
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
    await new TableOneTallies(a.repository, a.versions).current({ jurisdictionId });
    expect((await a.versions.tallyState({ jurisdictionId }))?.cells).not.toBeNull();
    const recorded = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).service.record(identity, input(i))));
    // Two processes update the same assets at once: one of each pair may lose (CONFLICT), and must change nothing.
    const outcomes = await Promise.allSettled(
      recorded.slice(0, 30).flatMap((asset, i) => [a.service.update(identity, asset.assetId, input(i + 1)), b.service.update(identity, asset.assetId, input(i + 2))]),
    );
    const removals = await Promise.allSettled(recorded.slice(20, 45).map((asset, i) => (i % 2 === 0 ? a : b).service.remove(identity, asset.assetId)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled').length).toBeGreaterThanOrEqual(30);
    expect(removals.some((outcome) => outcome.status === 'fulfilled')).toBe(true);

    const expected = sorted(await countedFromScratch(jurisdictionId));
    expect(first.assetId).toBeTruthy();
    expect(expected.reduce((sum, tally) => sum + tally.count, 0)).toBe(61 - removals.filter((outcome) => outcome.status === 'fulfilled').length);
    const state = await a.versions.tallyState({ jurisdictionId });
    expect(state?.cells).not.toBeNull();
    expect(state?.pending).toEqual([]);
    expect(sorted(await new TableOneTallies(a.repository, a.versions).current({ jurisdictionId }))).toEqual(expected);
    expect(sorted(await new TableOneTallies(b.repository, b.versions).current({ jurisdictionId }))).toEqual(expected);
  });

  it('counts a write whose writer died after it applied, and settles it once it is old enough', async () => {
    const jurisdictionId = `tallies-${randomUUID().slice(0, 8)}`;
    const { service, repository, versions } = parts(replicaA);
    await service.record(identityOf(jurisdictionId), input(1));
    await new TableOneTallies(repository, versions).current({ jurisdictionId });
    const assets = replicaA.get<Connection>(MONGO_CONNECTION, { strict: false }).collection('assets');
    const lost = { assetId: randomUUID(), ...input(3), magnitude: { value: 250, unit: 'money', currency: 'EUR' } };
    const writeId = randomUUID();
    // The write applies, then the connection drops before its writer hears back: it dies with the marker pending.
    await expect(
      versions.aroundTallied({ jurisdictionId }, { writeId, assetId: lost.assetId, increments: tallyIncrements(null, lost as never) }, async () => {
        await assets.insertOne({ jurisdictionId, ...lost, removedAt: null, _history: [{ action: 'recorded', writeId }] });
        throw new Error('connection lost');
      }),
    ).rejects.toThrow('connection lost');
    expect((await versions.tallyState({ jurisdictionId }))?.pending.map((write) => write.writeId)).toEqual([writeId]);

    const patient = new TableOneTallies(repository, versions);
    const expected = sorted(await countedFromScratch(jurisdictionId));
    expect(expected.find((tally) => tally.type === 'export-sector')).toMatchObject({ count: 1, total: 250 });
    expect(sorted(await patient.current({ jurisdictionId }))).toEqual(expected);
    expect((await versions.tallyState({ jurisdictionId }))?.pending).toHaveLength(1);

    const settling = new TableOneTallies(repository, versions, { settleAfterMs: 0, abandonAfterMs: 60_000 });
    expect(sorted(await settling.current({ jurisdictionId }))).toEqual(expected);
    const state = await versions.tallyState({ jurisdictionId });
    expect(state?.pending).toEqual([]);
    expect(sorted(talliesOf(state?.cells ?? {}))).toEqual(expected);
  });

  it('leaves out a write that never applied, and once it is given up counts the tallies again', async () => {
    const jurisdictionId = `tallies-${randomUUID().slice(0, 8)}`;
    const { service, repository, versions } = parts(replicaA);
    await service.record(identityOf(jurisdictionId), input(2));
    const never = { assetId: randomUUID(), ...input(3) };
    const writeId = randomUUID();
    await expect(
      versions.aroundTallied({ jurisdictionId }, { writeId, assetId: never.assetId, increments: tallyIncrements(null, never as never) }, async () => {
        throw new Error('server selection timed out');
      }),
    ).rejects.toThrow('server selection timed out');

    const expected = sorted(await countedFromScratch(jurisdictionId));
    expect(sorted(await new TableOneTallies(repository, versions).current({ jurisdictionId }))).toEqual(expected);

    const abandoning = new TableOneTallies(repository, versions, { settleAfterMs: 0, abandonAfterMs: 0 });
    expect(sorted(await abandoning.current({ jurisdictionId }))).toEqual(expected);
    const untrusted = await versions.tallyState({ jurisdictionId });
    expect(untrusted).toMatchObject({ cells: null, pending: [] });
    // The next read counts from scratch and keeps the count, which later writes then add to.
    expect(sorted(await abandoning.current({ jurisdictionId }))).toEqual(expected);
    expect((await versions.tallyState({ jurisdictionId }))?.cells).not.toBeNull();
    await service.record(identityOf(jurisdictionId), input(5));
    expect(sorted(await abandoning.current({ jurisdictionId }))).toEqual(sorted(await countedFromScratch(jurisdictionId)));
  });

  it('counts the assets of a jurisdiction whose tallies were never kept, and keeps them from then on', async () => {
    const jurisdictionId = `tallies-${randomUUID().slice(0, 8)}`;
    const { service, repository, versions } = parts(replicaA);
    for (let i = 0; i < 5; i += 1) await service.record(identityOf(jurisdictionId), input(i));
    // As stored before this registry kept tallies: a version document without them.
    await replicaA.get<Connection>(MONGO_CONNECTION, { strict: false }).collection('inventory_versions').updateOne({ jurisdictionId }, { $unset: { tableOne: '', tableOneBuiltAt: '' } });
    expect((await versions.tallyState({ jurisdictionId }))?.cells).toBeNull();

    const expected = sorted(await countedFromScratch(jurisdictionId));
    expect(sorted(await new TableOneTallies(repository, versions).current({ jurisdictionId }))).toEqual(expected);
    expect(sorted(talliesOf((await versions.tallyState({ jurisdictionId }))?.cells ?? {}))).toEqual(expected);
  });
});
