/** How a process reaches Kafka; services take these from their validated config. */
export interface KafkaConnectionConfig {
  brokers: string[];
  clientId: string;
}

/** How a consumer group handles failures. */
export interface ConsumerPolicyConfig {
  groupId: string;
  /** Handler attempts before the message goes to the dead-letter topic. Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt up to maxRetryBackoffMs. Default 200 ms. */
  retryBackoffMs?: number;
  /** Ceiling of the retry delay, kept well under the session timeout. Default 5000 ms. */
  maxRetryBackoffMs?: number;
  /** Where a brand-new group starts. Default true: events published before the group existed are not lost. */
  fromBeginning?: boolean;
  /**
   * How long the group waits for a silent member before giving its partitions
   * to others (a replica that died, a restarted one rejoining). Default 30 s;
   * the broker refuses less than its group.min.session.timeout.ms (6 s).
   */
  sessionTimeoutMs?: number;
}

export const CONSUMER_DEFAULTS = {
  maxAttempts: 5,
  retryBackoffMs: 200,
  maxRetryBackoffMs: 5_000,
  fromBeginning: true,
  sessionTimeoutMs: 30_000,
} as const;
