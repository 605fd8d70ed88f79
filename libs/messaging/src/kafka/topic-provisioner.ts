import { deadLetterTopicOf } from '@entente/contracts';
import type { Admin } from 'kafkajs';

export interface TopicSettings {
  /** Parallelism ceiling of one consumer group; keys spread across partitions. Default 3. */
  numPartitions?: number;
  /** 1 on a single local broker; 3 in production. Default 1. */
  replicationFactor?: number;
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
  if (missing.length === 0) return [];
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({
      topic,
      numPartitions: settings.numPartitions ?? 3,
      replicationFactor: settings.replicationFactor ?? 1,
    })),
  });
  return missing;
}
