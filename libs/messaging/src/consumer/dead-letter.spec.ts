import { HEADERS } from '../headers/message-headers';
import { deadLetterHeaders } from './dead-letter';

describe('deadLetterHeaders', () => {
  it('keeps the original headers and records where the message came from and why it failed', () => {
    const headers = deadLetterHeaders(
      { topic: 'registry.partner.v1', partition: 2, offset: '41', groupId: 'network', headers: { traceparent: 'tp', [HEADERS.eventType]: 't' } },
      { reason: 'retries-exhausted', error: new Error('boom'), attempts: 5 },
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(headers).toEqual({
      traceparent: 'tp',
      [HEADERS.eventType]: 't',
      [HEADERS.dlqOriginalTopic]: 'registry.partner.v1',
      [HEADERS.dlqOriginalPartition]: '2',
      [HEADERS.dlqOriginalOffset]: '41',
      [HEADERS.dlqReason]: 'retries-exhausted',
      [HEADERS.dlqError]: 'boom',
      [HEADERS.dlqAttempts]: '5',
      [HEADERS.dlqConsumerGroup]: 'network',
      [HEADERS.dlqFailedAt]: '2026-01-01T00:00:00.000Z',
    });
  });

  it('truncates very long error messages', () => {
    const headers = deadLetterHeaders(
      { topic: 't', partition: 0, offset: '0', groupId: 'g', headers: {} },
      { reason: 'permanent-failure', error: 'x'.repeat(10_000), attempts: 1 },
    );
    expect(headers[HEADERS.dlqError]).toHaveLength(2_000);
  });
});
