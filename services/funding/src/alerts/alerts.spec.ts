import type { AlertItemRecord } from './alert-item.schema';
import { deliveryKey, digestKey, messageIdOf, searchAlertKey } from './alert-keys';
import { digestMail, groupDigest, instantMail } from './alert-mail';
import { signUnfollow, signUnsubscribe, verifyUnfollow, verifyUnsubscribe } from './link-token';
import { retryDelayMs, signWebhookBody, verifyWebhookSignature } from './webhook-signature';

const SECRET = 'a-server-secret-of-at-least-32-characters';

function alert(opportunityId: string, version: number, kind: AlertItemRecord['kind'], closesAt: string | null, title = opportunityId): AlertItemRecord {
  return {
    jurisdictionId: 'rostock',
    ownerId: 'u-1',
    alertId: `${opportunityId}-v${version}`,
    alertKey: searchAlertKey('s-1', opportunityId, version),
    kind,
    searchId: 's-1',
    sourceName: 'Baltic calls',
    summary: 'matches your search "Baltic calls"',
    opportunity: { opportunityId, version, title, funder: 'EU', url: `https://example.org/${opportunityId}`, status: 'open', closesAt: closesAt ? new Date(closesAt) : null, timeZone: 'Europe/Brussels', awardCeiling: 50_000, currency: 'EUR' },
    instant: false,
    inApp: true,
    digestKey: null,
    createdAt: new Date('2026-12-01T10:00:00Z'),
    readAt: null,
  };
}

describe('alert keys', () => {
  it('are one per search, opportunity and version, and one per channel', () => {
    expect(searchAlertKey('s-1', 'eu:X', 2)).toBe('search:s-1:eu:X:v2');
    expect(searchAlertKey('s-1', 'eu:X', 2)).not.toBe(searchAlertKey('s-1', 'eu:X', 3));
    expect(deliveryKey(searchAlertKey('s-1', 'eu:X', 2), 'email')).not.toBe(deliveryKey(searchAlertKey('s-1', 'eu:X', 2), 'webhook'));
    expect(digestKey('s-1', new Date('2026-12-02T07:00:00Z'))).toBe('digest:s-1:2026-12-02T07:00:00.000Z');
  });

  it('fix the Message-ID, so a mail sent again after a crash is the same mail', () => {
    expect(messageIdOf('k', 'entente.local')).toBe(messageIdOf('k', 'entente.local'));
    expect(messageIdOf('k', 'entente.local')).toMatch(/^<[0-9a-f]{32}@entente\.local>$/);
  });
});

describe('unsubscribe tokens', () => {
  it('name one search and are refused when altered or signed with another secret', () => {
    const token = signUnsubscribe({ searchId: 's-1', ownerId: 'u-1' }, SECRET);
    expect(verifyUnsubscribe(token, SECRET)).toEqual({ searchId: 's-1', ownerId: 'u-1' });
    expect(verifyUnsubscribe(token, `${SECRET}x`)).toBeNull();
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify(['s-2', 'u-1'])).toString('base64url')}.${signature}`;
    expect(verifyUnsubscribe(forged, SECRET)).toBeNull();
    expect(verifyUnsubscribe('nonsense', SECRET)).toBeNull();
  });
});

describe('stop-following tokens', () => {
  it('name one follow, are refused when altered, and are no unsubscribe tokens (nor the reverse)', () => {
    const token = signUnfollow({ followId: 'f-1', ownerId: 'u-1' }, SECRET);
    expect(verifyUnfollow(token, SECRET)).toEqual({ followId: 'f-1', ownerId: 'u-1' });
    expect(verifyUnfollow(token, `${SECRET}x`)).toBeNull();
    const [, signature] = token.split('.');
    expect(verifyUnfollow(`${Buffer.from(JSON.stringify(['f-2', 'u-1'])).toString('base64url')}.${signature}`, SECRET)).toBeNull();
    // The same ids under the other purpose: the signature covers the purpose, so neither link opens the other's door.
    expect(verifyUnsubscribe(token, SECRET)).toBeNull();
    expect(verifyUnfollow(signUnsubscribe({ searchId: 'f-1', ownerId: 'u-1' }, SECRET), SECRET)).toBeNull();
  });
});

describe('webhook signatures', () => {
  it('are HMAC-SHA256 of the exact body under the search’s secret', () => {
    const body = JSON.stringify({ alerts: [1] });
    const header = signWebhookBody(body, 'webhook-secret-123456');
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(body, header, 'webhook-secret-123456')).toBe(true);
    expect(verifyWebhookSignature(`${body} `, header, 'webhook-secret-123456')).toBe(false);
    expect(verifyWebhookSignature(body, header, 'another-secret-123456')).toBe(false);
  });

  it('retry after a doubling wait, capped at an hour', () => {
    expect(retryDelayMs(1, () => 0)).toBe(30_000);
    expect(retryDelayMs(3, () => 0)).toBe(120_000);
    expect(retryDelayMs(20, () => 0)).toBe(3_600_000);
    expect(retryDelayMs(1, () => 1)).toBe(36_000);
  });
});

describe('digests', () => {
  it('hold each opportunity once, its latest version, new calls first by deadline', () => {
    const groups = groupDigest([alert('b', 1, 'new-match', '2027-02-01T00:00:00Z'), alert('a', 1, 'new-match', '2027-01-01T00:00:00Z'), alert('b', 2, 'changed-match', '2027-03-01T00:00:00Z'), alert('c', 3, 'changed-match', null)]);
    expect(groups.newCalls.map((item) => [item.opportunity?.opportunityId, item.opportunity?.version])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(groups.changedCalls.map((item) => item.opportunity?.opportunityId)).toEqual(['c']);
  });

  it('say how many calls, and carry the search’s unsubscribe link', () => {
    const mail = digestMail('Baltic calls', 'daily', [alert('a', 1, 'new-match', null, 'Interreg Baltic'), alert('a', 2, 'changed-match', null, 'Interreg Baltic')], { unsubscribeUrl: 'https://x/alerts/unsubscribe?token=t' });
    expect(mail.subject).toBe('1 funding call for "Baltic calls" (daily digest)');
    expect(mail.text.match(/Interreg Baltic/g)).toHaveLength(1);
    expect(mail.text).toContain('https://x/alerts/unsubscribe?token=t');
    expect(instantMail(alert('a', 1, 'new-match', null, '<b>x</b>'), { unsubscribeUrl: null }).html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});
