import { Kafka, logLevel } from 'kafkajs';
import { mongo } from 'mongoose';

/** kafkajs admin `describeCluster()` answers with at least one broker. */
export async function kafkaHealthy(brokers: string[]): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'entente-infra-health',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The MongoDB driver connects and `ping` answers ok. */
export async function mongoHealthy(url: string): Promise<boolean> {
  const client = new mongo.MongoClient(url, { serverSelectionTimeoutMS: 2000, connectTimeoutMS: 2000, directConnection: true });
  try {
    await client.connect();
    const res = await client.db('admin').command({ ping: 1 });
    return res.ok === 1;
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function status(url: string): Promise<number> {
  const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
  await res.arrayBuffer().catch(() => undefined);
  return res.status;
}

/** The realm's discovery document is served (and, when known, the management readiness probe is UP). */
export async function keycloakHealthy(url: string, managementUrl?: string): Promise<boolean> {
  if (managementUrl) {
    const ready = await status(`${managementUrl}/health/ready`);
    if (ready !== 200) throw new Error(`${managementUrl}/health/ready answered ${ready}`);
  }
  const wk = await status(`${url}/realms/entente/.well-known/openid-configuration`);
  if (wk !== 200) throw new Error(`${url}/realms/entente/.well-known/openid-configuration answered ${wk}`);
  return true;
}

/** GreenMail's REST API says its SMTP and IMAP services run. */
export async function mailHealthy(apiUrl: string): Promise<boolean> {
  const ready = await status(`${apiUrl}/api/service/readiness`);
  if (ready !== 200) throw new Error(`${apiUrl}/api/service/readiness answered ${ready}`);
  return true;
}
