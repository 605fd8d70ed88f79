import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { Identity } from '@entente/auth';
import { eraseTenantData, exportTenantData, scopeOf } from '@entente/persistence';
import { MONGO_CONNECTION } from '@entente/service-runtime';
import { testEndpoints } from '@entente/testing';
import { AssetService } from '../assets/asset.service';
import { openRegistryContext } from '../harness/inventory-context';
import { EngagementService } from '../engagements/engagement.service';
import { PartnerService } from '../partners/partner.service';
import { RelationshipRepository } from '../relationships/relationship.repository';
import { RelationshipService } from '../relationships/relationship.service';
import { CountryProfileService } from '../views/country-profile.service';
import type { TableOneRow } from '../assets/table-one';

/**
 * The view cache against the real MongoDB-wire server, with two registry
 * processes ("replicas", each with its own cache) on one database: a write
 * made through either is in the very next view read of both, whichever write
 * path it took, and repeated reads without a write are answered from the cache.
 */
describe('cached views (two replicas, one database)', () => {
  const database = `entente_views_${randomUUID().slice(0, 8)}`;
  /** Each test's own jurisdiction: what it reads is what it wrote, whichever tests ran before it. */
  const newJurisdiction = () => {
    const jurisdictionId = `views-${randomUUID().slice(0, 8)}`;
    const identity: Identity = { userId: 'views-staff', username: 'views-staff', jurisdictionId, roles: ['staff', 'jurisdiction-admin'] };
    return { jurisdictionId, identity };
  };
  // A long maximum age: only the inventory version may make these reads fresh.
  const viewCache = { maxAgeMs: 600_000, maxRecords: 10_000 };
  let replicaA: INestApplicationContext;
  let replicaB: INestApplicationContext;

  const replica = (context: INestApplicationContext) => ({
    assets: context.get(AssetService, { strict: false }),
    partners: context.get(PartnerService, { strict: false }),
    relationships: context.get(RelationshipService, { strict: false }),
    engagements: context.get(EngagementService, { strict: false }),
    profiles: context.get(CountryProfileService, { strict: false }),
  });
  const assetsCounted = (rows: TableOneRow[]) => rows.filter((row) => row.category !== 'existing-international-relationships').reduce((sum, row) => sum + row.count, 0);
  const exportToDenmark = (name: string) => ({
    name,
    category: 'economic-foundations',
    type: 'export-sector',
    countries: ['DK'],
    magnitude: { value: 1_000, unit: 'money', currency: 'EUR' },
    asOf: '2025-06-30',
  });

  beforeAll(async () => {
    const { mongoUrl } = testEndpoints();
    [replicaA, replicaB] = await Promise.all([openRegistryContext({ mongoUrl, database, viewCache }), openRegistryContext({ mongoUrl, database, viewCache })]);
  });

  afterAll(async () => {
    await replicaA?.get<Connection>(MONGO_CONNECTION, { strict: false }).dropDatabase().catch(() => undefined);
    await Promise.all([replicaA?.close(), replicaB?.close()]);
  });

  it('answers repeated reads without a write from the cache', async () => {
    const { identity } = newJurisdiction();
    const a = replica(replicaA);
    await a.assets.record(identity, exportToDenmark('Wind turbine parts'));
    const first = await a.assets.tableOne(identity);
    expect(await a.assets.tableOne(identity)).toBe(first);
    const profile = await a.profiles.profile(identity, 'DK');
    // The country is normalised before it names the cached view.
    expect(await a.profiles.profile(identity, 'dk')).toBe(profile);
  });

  it('shows a write made through the other replica in the very next read', async () => {
    const { identity } = newJurisdiction();
    const a = replica(replicaA);
    const b = replica(replicaB);
    const tableBefore = assetsCounted(await a.assets.tableOne(identity));
    const profileBefore = (await a.profiles.profile(identity, 'DK')).exports.count;
    // B caches its own views too, so both caches hold the state before the write.
    await b.assets.tableOne(identity);
    await b.profiles.profile(identity, 'DK');

    const recorded = await b.assets.record(identity, exportToDenmark('Food exports'));
    expect(assetsCounted(await a.assets.tableOne(identity))).toBe(tableBefore + 1);
    expect((await a.profiles.profile(identity, 'DK')).exports.assets.map((asset) => asset.assetId)).toContain(recorded.assetId);
    expect((await a.profiles.profile(identity, 'DK')).exports.count).toBe(profileBefore + 1);
    expect(assetsCounted(await b.assets.tableOne(identity))).toBe(tableBefore + 1);

    await a.assets.update(identity, recorded.assetId, { ...exportToDenmark('Food exports'), countries: ['SE'] });
    expect((await b.profiles.profile(identity, 'DK')).exports.assets.map((asset) => asset.assetId)).not.toContain(recorded.assetId);
    expect((await b.profiles.profile(identity, 'SE')).exports.assets.map((asset) => asset.assetId)).toContain(recorded.assetId);
    await a.assets.remove(identity, recorded.assetId);
    expect(assetsCounted(await b.assets.tableOne(identity))).toBe(tableBefore);
  });

  it('sees partners, relationships and engagements, including the relationship updates made outside a record write', async () => {
    const { identity } = newJurisdiction();
    const a = replica(replicaA);
    const b = replica(replicaB);
    const partner = await b.partners.register(identity, { name: 'Aarhus', kind: 'city', country: 'DK' });
    expect((await a.profiles.profile(identity, 'DK')).partners.map((p) => p.partnerId)).toEqual([partner.partnerId]);

    const relationship = await b.relationships.establish(identity, { partnerId: partner.partnerId, type: 'sister-city', status: 'active', since: '2001-05-01' });
    const withRelationship = await a.profiles.profile(identity, 'DK');
    expect(withRelationship.relationships.map((r) => [r.relationshipId, r.lastEngagementAt])).toEqual([[relationship.relationshipId, null]]);
    expect((await a.assets.tableOne(identity)).find((row) => row.category === 'existing-international-relationships')?.count).toBe(1);

    // Logging moves the relationship's last engagement forward with a plain update, not a record write with events.
    await b.engagements.log(identity, { date: '2025-03-01', type: 'inbound-visit', partnerIds: [partner.partnerId], purpose: 'Harbour cooperation' });
    const withEngagement = await a.profiles.profile(identity, 'DK');
    expect(withEngagement.engagements).toHaveLength(1);
    expect(withEngagement.relationships[0]?.lastEngagementAt).toBe('2025-03-01');

    // That update alone, with the profile cached just before it: it bumps the version like any record write.
    const relationships = replicaB.get(RelationshipRepository, { strict: false });
    await relationships.advanceLastEngagement(scopeOf(identity), relationship.relationshipId, '2025-04-01', new Date());
    expect((await a.profiles.profile(identity, 'DK')).relationships[0]?.lastEngagementAt).toBe('2025-04-01');

    // So does copying a renamed partner's name onto its relationships (done on the partner.updated event).
    await relationships.refreshPartner(scopeOf(identity), { partnerId: partner.partnerId, name: 'Aarhus Kommune', country: 'DK' });
    expect((await a.profiles.profile(identity, 'DK')).relationships[0]?.partnerName).toBe('Aarhus Kommune');
  });

  it('erases the inventory version with the jurisdiction’s records (and exports it not), after which nothing cached is served', async () => {
    const { identity } = newJurisdiction();
    const a = replica(replicaA);
    // An asset, a partner, a relationship and an engagement, each view read once so that both are cached.
    await a.assets.record(identity, exportToDenmark('Wind turbine parts'));
    const partner = await a.partners.register(identity, { name: 'Aarhus', kind: 'city', country: 'DK' });
    await a.relationships.establish(identity, { partnerId: partner.partnerId, type: 'sister-city', status: 'active', since: '2001-05-01' });
    await a.engagements.log(identity, { date: '2025-03-01', type: 'inbound-visit', partnerIds: [partner.partnerId], purpose: 'Harbour cooperation' });
    await a.assets.tableOne(identity);
    expect((await a.profiles.profile(identity, 'DK')).partners).toHaveLength(1);
    const connection = replicaA.get<Connection>(MONGO_CONNECTION, { strict: false });
    const versions = connection.collection('inventory_versions');
    expect(await versions.countDocuments(scopeOf(identity))).toBe(1);
    expect(assetsCounted(await a.assets.tableOne(identity))).toBeGreaterThan(0);
    // Bookkeeping, not the jurisdiction's data: the export leaves it out.
    const exported = await exportTenantData(connection, scopeOf(identity));
    expect(Object.keys(exported)).toEqual(expect.arrayContaining(['assets', 'partners', 'relationships', 'engagements']));
    expect(exported).not.toHaveProperty('inventory_versions');

    const deleted = await eraseTenantData(connection, scopeOf(identity));
    expect(deleted['inventory_versions']).toBe(1);
    expect(await versions.countDocuments(scopeOf(identity))).toBe(0);
    expect(assetsCounted(await a.assets.tableOne(identity))).toBe(0);
    expect((await a.profiles.profile(identity, 'DK')).partners).toEqual([]);
  });
});
