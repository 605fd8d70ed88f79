import { buildArchive, canonicalJson } from './jurisdiction-archive';

const USER = { userId: 'u1', username: 'anna@rostock.de', email: 'anna@rostock.de', firstName: 'Anna', lastName: 'S', jurisdictionId: 'rostock', roles: ['staff', 'viewer'] as const, enabled: true, createdAt: new Date('2026-01-01') };

describe('buildArchive', () => {
  const services = { registry: { partners: [{ partnerId: 'p1', name: 'Aarhus', createdAt: new Date('2026-02-01T00:00:00Z') }] } };

  it('gives the same digest for the same content exported at different times', () => {
    const first = buildArchive({ jurisdictionId: 'rostock', exportedAt: new Date('2026-03-01'), services, users: [USER] });
    const second = buildArchive({ jurisdictionId: 'rostock', exportedAt: new Date('2026-03-02'), services, users: [USER] });
    expect(first.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(second.digest).toBe(first.digest);
    expect(first.exportedAt).toBe('2026-03-01T00:00:00.000Z');
    expect(first.services.registry?.partners?.[0]?.createdAt).toBe('2026-02-01T00:00:00.000Z');
  });

  it('gives another digest when any record or user changes', () => {
    const base = buildArchive({ jurisdictionId: 'rostock', exportedAt: new Date(), services, users: [USER] });
    const renamed = buildArchive({ jurisdictionId: 'rostock', exportedAt: new Date(), services: { registry: { partners: [{ ...services.registry.partners[0], name: 'Århus' }] } }, users: [USER] });
    const disabled = buildArchive({ jurisdictionId: 'rostock', exportedAt: new Date(), services, users: [{ ...USER, enabled: false }] });
    expect(new Set([base.digest, renamed.digest, disabled.digest]).size).toBe(3);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null }, e: undefined })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});
