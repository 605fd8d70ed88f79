import { deadLetterTopicOf } from '@entente/contracts';
import type { Admin } from 'kafkajs';

export interface TopicSettings {
  /** Parallelism ceiling of one consumer group; keys spread across partitions. Default 3. */
  numPartitions?: number;
  /** 1 on a single local broker; 3 in production. Default 1. */
  replicationFactor?: number;
  /** How long to wait for every partition to have a leader before giving up. Default 30 s. */
  leaderTimeoutMs?: number;
}

/** Each topic plus its dead-letter topic, deduplicated. */
export function topicsToProvision(topics: readonly string[]): string[] {
  return [...new Set(topics.flatMap((topic) => [topic, deadLetterTopicOf(topic)]))];
}

/**
 * Creates the topics (and their `.dlq`) that do not exist yet. Idempotent, so
 * every service may call it at start for the topics it produces and consumes.
 */
export async function ensureTopics(admin: Admin, topics: readonly string[], settings: TopicSettings = {}): Promise<string[]> {
  const wanted = topicsToProvision(topics);
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((topic) => !existing.has(topic));
  if (missing.length > 0) {
    // Not kafkajs' own waitForLeaders: on a fresh broker its metadata check can be
    // answered "This server does not host this topic-partition", which it does not
    // retry, and the service fails to boot. The loop below retries that.
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: settings.numPartitions ?? 3,
        replicationFactor: settings.replicationFactor ?? 1,
      })),
    });
  }
  // Another service may have created some of them a moment ago (createTopics then
  // returns false at once): subscribing before their partitions have leaders fails too.
  await waitForLeaders(admin, wanted, settings.leaderTimeoutMs ?? 30_000);
  return missing;
}

/** Polls the topics' metadata until every partition has a leader, or gives up naming the laggards. */
export async function waitForLeaders(admin: Admin, topics: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let waitingFor: string[] = [...topics];
  for (let attempt = 0; ; attempt += 1) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: waitingFor });
      const led = new Set(metadata.filter((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)).map((t) => t.name));
      waitingFor = waitingFor.filter((topic) => !led.has(topic));
    } catch {
      // Metadata of a topic still being created may be refused for a moment; ask again.
    }
    if (waitingFor.length === 0) return;
    if (Date.now() > deadline) throw new Error(`Kafka topics without partition leaders after ${timeoutMs} ms: ${waitingFor.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 1_000)));
  }
}
