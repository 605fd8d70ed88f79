import mongoose from 'mongoose';
import { createTestUser, deleteTestUser, newJurisdictionId, testEndpoints, TestUser } from '@entente/testing';
import { eventually, startTestPlatform, TestPlatform } from '../support';

/**
 * The registry dies by SIGKILL between its MongoDB write and the Kafka
 * publish, and again between the publish and clearing its outbox. After each
 * restart the network service has counted every partner exactly once.
 */
describe('registry crash around the outbox', () => {
  let platform: TestPlatform;
  let staff: TestUser;
  let registryDb: mongoose.Connection;

  const REGISTER = `mutation RegisterPartner($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }`;
  const COUNTS = `{ partners(first: 100) { totalCount } myTiesByCountry { country partnerCount } }`;
  type Counts = { partners: { totalCount: number }; myTiesByCountry: Array<{ country: string; partnerCount: number }> };

  const counts = async (): Promise<{ partners: number; ties: Record<string, number> }> => {
    const response = await platform.graphql<Counts>(await staff.token(), COUNTS);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return {
      partners: response.data?.partners.totalCount ?? -1,
      ties: Object.fromEntries((response.data?.myTiesByCountry ?? []).map((tie) => [tie.country, tie.partnerCount])),
    };
  };
  const pendingOutboxEntries = async (): Promise<number> => {
    const documents = await registryDb.collection('partners').find({ '_outbox.0': { $exists: true } }).toArray();
    return documents.reduce((sum, document) => sum + (document._outbox as unknown[]).length, 0);
  };

  beforeAll(async () => {
    staff = await createTestUser({ jurisdiction: newJurisdictionId('crash'), roles: ['staff'] });
    platform = await startTestPlatform({ name: 'crash' });
    registryDb = await mongoose.createConnection(testEndpoints().mongoUrl, { dbName: `${platform.databasePrefix}_registry` }).asPromise();
  });

  afterAll(async () => {
    await platform?.stop();
    await registryDb?.close();
    if (staff) await deleteTestUser(staff.id);
  });

  it('publishes after a restart what was written before a SIGKILL, once', async () => {
    // The relay is off: the write happens, the publish cannot.
    await platform.kill('registry');
    await platform.start('registry', { OUTBOX_RELAY_ENABLED: 'false' });
    const response = await platform.graphql(await staff.token(), REGISTER, { input: { name: 'Aarhus', kind: 'CITY', country: 'DK' } });
    expect(response.errors).toBeUndefined();
    expect(await pendingOutboxEntries()).toBe(1);

    await platform.kill('registry', 'SIGKILL');
    expect(await counts().catch(() => null)).toBeNull(); // the registry is down: the gateway cannot answer partners

    await platform.start('registry');
    const { value } = await eventually(counts, (c) => c.ties.DK === 1, 10_000);
    expect(value).toEqual({ partners: 1, ties: { DK: 1 } });
    expect(await pendingOutboxEntries()).toBe(0);
  });

  it('does not count twice an event published just before a SIGKILL and republished after the restart', async () => {
    await platform.kill('registry');
    await platform.start('registry', { ENTENTE_FAULT_INJECTION: 'relay-exit-after-publish' });
    // The registry answers, then its relay publishes the event and is killed before clearing the outbox.
    await platform.graphql(await staff.token(), REGISTER, { input: { name: 'Riga', kind: 'CITY', country: 'LV' } }).catch(() => undefined);
    await platform.waitForExit('registry', 15_000);
    expect(await pendingOutboxEntries()).toBe(1);

    await platform.start('registry');
    await eventually(pendingOutboxEntries, (pending) => pending === 0, 10_000);
    expect(await pendingOutboxEntries()).toBe(0);
    const { value } = await eventually(counts, (c) => c.ties.LV === 1, 10_000);
    // The republished copy has been consumed by now (it went out before the outbox was cleared); it changed nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await counts()).toEqual(value);
    expect(value).toEqual({ partners: 2, ties: { DK: 1, LV: 1 } });
  });
});
