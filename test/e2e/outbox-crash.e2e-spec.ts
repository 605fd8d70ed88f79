import mongoose from 'mongoose';
import { testEndpoints } from '@entente/testing';
import { eventually, startTestPlatform, TestPlatform, testJurisdictions } from '../support';

/**
 * The registry dies by SIGKILL between its MongoDB write and the Kafka
 * publish, and again between the publish and clearing its outbox. After each
 * restart the network service has counted every partner exactly once. And
 * when it dies after storing an engagement but before moving its
 * relationships' last engagement, the event finishes that after the restart.
 */
describe('registry crash around the outbox', () => {
  let platform: TestPlatform;
  let registryDb: mongoose.Connection;
  // Each test registers into a jurisdiction of its own, so its counts are its own whichever test ran before.
  const jurisdictions = testJurisdictions();

  const REGISTER = `mutation RegisterPartner($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }`;
  const COUNTS = `{ partners(first: 100) { totalCount } myTiesByCountry { country partnerCount } }`;
  type Counts = { partners: { totalCount: number }; myTiesByCountry: Array<{ country: string; partnerCount: number }> };

  const counts = async (token: string): Promise<{ partners: number; ties: Record<string, number> }> => {
    const response = await platform.graphql<Counts>(token, COUNTS);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return {
      partners: response.data?.partners.totalCount ?? -1,
      ties: Object.fromEntries((response.data?.myTiesByCountry ?? []).map((tie) => [tie.country, tie.partnerCount])),
    };
  };
  const pendingOutboxEntries = async (jurisdictionId: string): Promise<number> => {
    const documents = await registryDb.collection('partners').find({ jurisdictionId, '_outbox.0': { $exists: true } }).toArray();
    return documents.reduce((sum, document) => sum + (document._outbox as unknown[]).length, 0);
  };

  beforeAll(async () => {
    platform = await startTestPlatform({ name: 'crash', own: true });
    registryDb = await mongoose.createConnection(testEndpoints().mongoUrl, { dbName: `${platform.databasePrefix}_registry` }).asPromise();
  });

  afterAll(async () => {
    await platform?.stop();
    await registryDb?.close();
    await jurisdictions.deleteUsers();
  });

  it('publishes after a restart what was written before a SIGKILL, once', async () => {
    const crash = jurisdictions.create('crash');
    const token = await crash.token('staff');
    // The relay is off: the write happens, the publish cannot.
    await platform.kill('registry');
    await platform.start('registry', { OUTBOX_RELAY_ENABLED: 'false' });
    const response = await platform.graphql(token, REGISTER, { input: { name: 'Aarhus', kind: 'CITY', country: 'DK' } });
    expect(response.errors).toBeUndefined();
    expect(await pendingOutboxEntries(crash.id)).toBe(1);

    await platform.kill('registry', 'SIGKILL');
    expect(await counts(token).catch(() => null)).toBeNull(); // the registry is down: the gateway cannot answer partners

    await platform.start('registry');
    const { value } = await eventually(() => counts(token), (c) => c.ties.DK === 1, 60_000);
    expect(value).toEqual({ partners: 1, ties: { DK: 1 } });
    expect(await pendingOutboxEntries(crash.id)).toBe(0);
  });

  it('does not count twice an event published just before a SIGKILL and republished after the restart', async () => {
    const crash = jurisdictions.create('crash');
    const token = await crash.token('staff');
    await platform.kill('registry');
    await platform.start('registry', { ENTENTE_FAULT_INJECTION: 'relay-exit-after-publish' });
    // The registry answers, then its relay publishes the event and is killed before clearing the outbox.
    await platform.graphql(token, REGISTER, { input: { name: 'Riga', kind: 'CITY', country: 'LV' } }).catch(() => undefined);
    await platform.waitForExit('registry', 15_000);
    expect(await pendingOutboxEntries(crash.id)).toBe(1);

    await platform.start('registry');
    await eventually(() => pendingOutboxEntries(crash.id), (pending) => pending === 0, 60_000);
    expect(await pendingOutboxEntries(crash.id)).toBe(0);
    const { value } = await eventually(() => counts(token), (c) => c.ties.LV === 1, 60_000);
    // The republished copy has been consumed by now (it went out before the outbox was cleared); it changed nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await counts(token)).toEqual(value);
    expect(value).toEqual({ partners: 1, ties: { LV: 1 } });
  });

  it('moves a relationship’s last engagement forward after a SIGKILL between the engagement and that update', async () => {
    const crash = jurisdictions.create('crash');
    const token = await crash.token('staff');
    const registered = await platform.graphql<{ registerPartner: { id: string } }>(token, REGISTER, { input: { name: 'Aarhus', kind: 'CITY', country: 'DK' } });
    const aarhus = registered.data?.registerPartner.id;
    expect(aarhus).toEqual(expect.any(String));
    const established = await platform.graphql<{ establishRelationship: { id: string } }>(
      token,
      `mutation($p: ID!) { establishRelationship(input: { partnerId: $p, type: SISTER_CITY, status: ACTIVE, since: "1964-01-01" }) { id } }`,
      { p: aarhus },
    );
    const relationshipId = established.data?.establishRelationship.id as string;
    expect(relationshipId).toEqual(expect.any(String));

    // The engagement and its event are stored; the relay is off, so nothing is published yet.
    await platform.kill('registry');
    await platform.start('registry', { OUTBOX_RELAY_ENABLED: 'false' });
    const today = new Date().toISOString().slice(0, 10);
    const logged = await platform.graphql(await crash.token('staff'), `mutation($p: [ID!]!, $d: String!) { logEngagement(input: { date: $d, type: VIRTUAL_MEETING, partnerIds: $p, purpose: "Harbour partnership" }) { id } }`, {
      p: [aarhus],
      d: today,
    });
    expect(logged.errors).toBeUndefined();
    // As if the process had died before its second write: the relationship never moved.
    await registryDb.collection('relationships').updateOne({ relationshipId }, { $set: { lastEngagementAt: null } });
    await platform.kill('registry', 'SIGKILL');

    await platform.start('registry');
    const lastEngagement = async () => {
      const response = await platform.graphql<{ relationships: { nodes: Array<{ id: string; lastEngagementAt: string | null }> } }>(
        await crash.token('staff'),
        `{ relationships(first: 10) { nodes { id lastEngagementAt } } }`,
      );
      return response.data?.relationships.nodes.find((r) => r.id === relationshipId)?.lastEngagementAt ?? null;
    };
    // The killed consumer's group membership has to time out first, hence the long wait.
    const { value } = await eventually(lastEngagement, (date) => date === today, 90_000);
    expect(value).toBe(today);
  }, 150_000);
});
