import { HEADERS, decodeHeaders, encodeHeaders, eventHeaders } from './message-headers';

describe('message header codec', () => {
  it('decodes Buffers, strings and repeated keys (last wins) and drops undefined', () => {
    expect(decodeHeaders({ a: Buffer.from('1'), b: 'two', c: [Buffer.from('old'), 'new'], d: undefined })).toEqual({ a: '1', b: 'two', c: 'new' });
    expect(decodeHeaders(undefined)).toEqual({});
  });

  it('round-trips string headers', () => {
    const headers = { traceparent: '00-abc-def-01', [HEADERS.eventVersion]: '1' };
    expect(decodeHeaders(encodeHeaders(headers))).toEqual(headers);
  });

  it('carries the event identity', () => {
    expect(eventHeaders({ eventId: 'e1', type: 'registry.partner.registered', version: 1 })).toEqual({
      'entente-event-id': 'e1',
      'entente-event-type': 'registry.partner.registered',
      'entente-event-version': '1',
    });
  });
});
