import { HEADERS, type MessageHeaders } from '../headers/message-headers';
import type { DeadLetterReason } from './retry-policy';

export interface DeadLetterSource {
  topic: string;
  partition: number;
  offset: string;
  headers: MessageHeaders;
  groupId: string;
}

/**
 * The original headers (event identity, trace context) plus where the message
 * came from and why it failed: enough to inspect it and to replay it onto
 * `entente-dlq-original-topic` once the cause is fixed.
 */
export function deadLetterHeaders(
  source: DeadLetterSource,
  failure: { reason: DeadLetterReason; error: unknown; attempts: number },
  now: Date = new Date(),
): MessageHeaders {
  const message = failure.error instanceof Error ? failure.error.message : String(failure.error);
  return {
    ...source.headers,
    [HEADERS.dlqOriginalTopic]: source.topic,
    [HEADERS.dlqOriginalPartition]: String(source.partition),
    [HEADERS.dlqOriginalOffset]: source.offset,
    [HEADERS.dlqReason]: failure.reason,
    // Brokers cap message size; an error message is not worth rejecting the dead letter for.
    [HEADERS.dlqError]: message.slice(0, 2_000),
    [HEADERS.dlqAttempts]: String(failure.attempts),
    [HEADERS.dlqConsumerGroup]: source.groupId,
    [HEADERS.dlqFailedAt]: now.toISOString(),
  };
}
