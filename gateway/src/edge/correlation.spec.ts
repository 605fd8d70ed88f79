import { correlationIdFor } from './correlation';

describe('correlationIdFor', () => {
  it('is the same for every subgraph call of one request, and differs between requests', () => {
    const one = new Request('http://gateway/graphql');
    const two = new Request('http://gateway/graphql');
    expect(correlationIdFor(one)).toBe(correlationIdFor(one));
    expect(correlationIdFor(one)).not.toBe(correlationIdFor(two));
  });

  it('keeps a usable id the client sent and replaces a hostile one', () => {
    expect(correlationIdFor(new Request('http://gateway/graphql', { headers: { 'x-correlation-id': 'trace-7' } }))).toBe('trace-7');
    expect(correlationIdFor(new Request('http://gateway/graphql', { headers: { 'x-correlation-id': 'a b' } }))).toMatch(/^[0-9a-f-]{36}$/);
  });
});
