// Proves, against the real servers started by the integration global setup, that
// the local infrastructure does what the platform relies on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import {
  SHORT_LIVED_CLIENT_ID,
  createTestUser,
  decodeJwtPayload,
  deleteTestUser,
  fetchToken,
  newJurisdictionId,
  testEndpoints,
} from '@entente/testing';
import { REPO_ROOT } from './paths';

const endpoints = testEndpoints();

describe('Kafka 3.9.1 (KRaft, one node)', () => {
  const kafka = new Kafka({ clientId: 'infra-int-spec', brokers: endpoints.kafkaBrokers, logLevel: logLevel.ERROR });

  it('creates a topic, produces, and a consumer group consumes it', async () => {
    const topic = `infra-spec-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect(await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true })).toBe(true);
      // Idempotent: right after the topic is made, the broker can answer "not the leader" to a produce it has written;
      // a plain producer's retry then writes those messages twice (a CI run once counted d and e twice, and stopped at six).
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
      await producer.connect();
      const sent = ['a', 'b', 'c', 'd', 'e', 'f'];
      await producer.send({ topic, messages: sent.map((v, i) => ({ key: `k${i}`, value: v })) });
      await producer.disconnect();

      const consumer = kafka.consumer({ groupId: `${topic}-group`, sessionTimeout: 10_000, heartbeatInterval: 1000 });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const received: string[] = [];
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`consumed only ${received.length} of ${sent.length}`)), 60_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            received.push(message.value?.toString() ?? '');
            if (sent.every((value) => received.includes(value))) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
      await consumer.disconnect();
      expect(received.sort()).toEqual(sent);

      // the group committed its offsets through the group coordinator
      const offsets = await admin.fetchOffsets({ groupId: `${topic}-group`, topics: [topic] });
      const committed = offsets[0].partitions.reduce((n, p) => n + Number(p.offset), 0);
      expect(committed).toBe(sent.length);
    } finally {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('does not create topics on first use', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const name = `never-created-${Date.now()}`;
      const quiet = new Kafka({ clientId: 'infra-int-spec-quiet', brokers: endpoints.kafkaBrokers, logLevel: logLevel.NOTHING });
      const producer = quiet.producer({ allowAutoTopicCreation: true, retry: { retries: 1 } });
      await producer.connect();
      await expect(producer.send({ topic: name, messages: [{ value: 'x' }] })).rejects.toThrow();
      await producer.disconnect();
      expect(await admin.listTopics()).not.toContain(name);
    } finally {
      await admin.disconnect();
    }
  });
});

describe('mongo-java-server through the MongoDB driver (mongoose 9)', () => {
  let conn: mongoose.Connection;
  beforeAll(async () => {
    conn = await mongoose.createConnection(endpoints.mongoUrl, { dbName: `infra_spec_${Date.now()}`, serverSelectionTimeoutMS: 5000 }).asPromise();
  });
  afterAll(async () => {
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  });

  it('agrees on the wire version the driver needs', async () => {
    // mongo-java-server answers the legacy isMaster handshake (it has no `hello` command,
    // and the driver only switches to `hello` when the server offers helloOk)
    const hello = (await conn.db!.admin().command({ isMaster: 1 })) as { maxWireVersion: number; helloOk?: boolean };
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(9);
    expect(hello.helloOk).not.toBe(true);
  });

  it('inserts, enforces a unique index, and finds', async () => {
    const Thing = conn.model('Thing', new mongoose.Schema({ code: { type: String, required: true, unique: true }, n: Number }));
    await Thing.init(); // builds the unique index
    await Thing.create({ code: 'a', n: 1 });
    await Thing.create({ code: 'b', n: 2 });
    await expect(Thing.create({ code: 'a', n: 3 })).rejects.toMatchObject({ code: 11000 });
    const found = await Thing.find({ n: { $gte: 1 } }).sort({ n: 1 }).lean();
    expect(found.map((t) => t.code)).toEqual(['a', 'b']);
    expect(await Thing.countDocuments()).toBe(2);
  });
});

describe('Keycloak realm entente', () => {
  const demo = JSON.parse(readFileSync(join(REPO_ROOT, 'deploy', 'keycloak', 'demo-users.json'), 'utf8')) as {
    username: string;
    password: string;
    jurisdiction: string;
    roles: string[];
  }[];

  it('serves discovery with the 127.0.0.1 issuer', async () => {
    const res = await fetch(`${endpoints.keycloakUrl}/realms/entente/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { issuer: string };
    expect(doc.issuer).toBe(`${endpoints.keycloakUrl}/realms/entente`);
  });

  it("puts a demo user's jurisdiction, realm roles and the gateway audience in the access token", async () => {
    const user = demo.find((u) => u.username === 'rostock-staff');
    expect(user).toBeDefined();
    const claims = decodeJwtPayload(await fetchToken({ username: user!.username, password: user!.password }));
    expect(claims.jurisdiction).toBe('rostock');
    expect((claims.realm_access as { roles: string[] }).roles).toContain('staff');
    const aud = claims.aud;
    expect(Array.isArray(aud) ? aud : [aud]).toContain('entente-gateway');
    expect(claims.iss).toBe(`${endpoints.keycloakUrl}/realms/entente`);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
  });

  it('gives every demo user a token with their jurisdiction', async () => {
    for (const u of demo) {
      const claims = decodeJwtPayload(await fetchToken({ username: u.username, password: u.password }));
      expect({ u: u.username, j: claims.jurisdiction }).toEqual({ u: u.username, j: u.jurisdiction });
    }
  });

  it('issues genuinely expired tokens from the short-lived client', async () => {
    const u = demo[0];
    const token = await fetchToken({ username: u.username, password: u.password, clientId: SHORT_LIVED_CLIENT_ID });
    const claims = decodeJwtPayload(token);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(1);
    await new Promise((r) => setTimeout(r, 2100));
    // the realm's userinfo endpoint refuses it: expired for Keycloak itself, not only by our clock
    const res = await fetch(`${endpoints.keycloakUrl}/realms/entente/protocol/openid-connect/userinfo`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
    expect(Number(claims.exp) * 1000).toBeLessThan(Date.now());
  });

  it('accepts a loopback redirect on any port for the CLI (PKCE) and refuses others', async () => {
    const auth = (redirect: string) =>
      fetch(
        `${endpoints.keycloakUrl}/realms/entente/protocol/openid-connect/auth?` +
          new URLSearchParams({
            client_id: 'entente-cli',
            response_type: 'code',
            scope: 'openid',
            redirect_uri: redirect,
            code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
            code_challenge_method: 'S256',
          }).toString(),
        { redirect: 'manual' },
      );
    expect((await auth('http://127.0.0.1:45678/')).status).toBe(200);
    expect((await auth('http://localhost:51234/')).status).toBe(200);
    expect((await auth('https://evil.example/')).status).toBe(400);
  });

  it('createTestUser yields a user whose token carries the right claims', async () => {
    const jurisdiction = newJurisdictionId('infra-spec');
    const user = await createTestUser({ jurisdiction, roles: ['jurisdiction-admin', 'viewer'] });
    try {
      const claims = decodeJwtPayload(await user.token());
      expect(claims.jurisdiction).toBe(jurisdiction);
      expect((claims.realm_access as { roles: string[] }).roles).toEqual(expect.arrayContaining(['jurisdiction-admin', 'viewer']));
      expect(claims.preferred_username).toBe(user.username);
    } finally {
      await deleteTestUser(user.id);
    }
    await expect(user.token()).rejects.toThrow(/401/);
  });
});
