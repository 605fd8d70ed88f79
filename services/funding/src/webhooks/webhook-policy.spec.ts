import type { LookupAddress } from 'node:dns';
import { type AddressKind, addressKind, ipv6Bits } from './webhook-address';
import { type LookupAll, WEBHOOK_POLICY_REFUSED, WebhookPolicy, webhookUrlProblem } from './webhook-policy';

describe('webhook addresses', () => {
  const cases: Array<[string, AddressKind | null]> = [
    ['8.8.8.8', 'public'],
    ['93.184.215.14', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.10.20', 'private'],
    ['100.64.0.1', 'private'],
    ['100.128.0.1', 'public'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['192.0.2.5', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fd12:3456::1', 'private'],
    ['fc00::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001:4860:4860::8888', 'public'],
    ['2a00:1450:4001:80b::200e', 'public'],
    // IPv4 inside IPv6: what the IPv4 is.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::8.8.8.8', 'public'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['2002:808:808::1', 'public'],
    ['example.org', null],
    ['localhost', null],
  ];
  it.each(cases)('%s is %s', (address, kind) => {
    expect(addressKind(address)).toBe(kind);
  });

  it('reads IPv6 in its short, long and dotted forms alike', () => {
    expect(ipv6Bits('::ffff:127.0.0.1')).toBe(ipv6Bits('0:0:0:0:0:ffff:7f00:0001'));
    expect(ipv6Bits('fe80::')).toBe(0xfe80n << 112n);
    expect(ipv6Bits('not-an-address')).toBeNull();
  });
});

describe('webhook URLs', () => {
  it('refuses another scheme and credentials, whatever the addresses', () => {
    expect(webhookUrlProblem('ftp://hooks.example.org/x')).toMatch(/http:\/\/ or https:\/\//);
    expect(webhookUrlProblem('file:///etc/passwd')).toMatch(/http:\/\/ or https:\/\//);
    expect(webhookUrlProblem('https://user:pass@hooks.example.org/x')).toMatch(/user name or password/);
    expect(webhookUrlProblem('https://token@hooks.example.org/x')).toMatch(/user name or password/);
    expect(webhookUrlProblem('https://hooks.example.org/x')).toBeNull();
  });
});

/** A DNS of the test's own: name → addresses, read on each lookup (so a test can re-point a name). */
function fakeDns(table: Record<string, string[]>): LookupAll {
  return (host, _options, callback) => {
    const addresses = table[host];
    if (!addresses) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
    return callback(
      null,
      addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };
}

describe('the webhook policy', () => {
  const dns: Record<string, string[]> = {
    'hooks.example.org': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'sneaky.example.org': ['93.184.215.14', '10.0.0.7'],
    'mapped.example.org': ['::ffff:169.254.169.254'],
    'rebinding.example.org': ['93.184.215.14'],
  };
  const policy = new WebhookPolicy(false, fakeDns(dns));

  it('saves a URL whose host resolves to public addresses only', async () => {
    await expect(policy.refusalOf('https://hooks.example.org/entente')).resolves.toBeNull();
    await expect(policy.refusalOf('https://93.184.215.14/entente')).resolves.toBeNull();
  });

  it('refuses internal names, literal internal addresses and names with any internal address', async () => {
    await expect(policy.refusalOf('http://localhost:8080/x')).resolves.toMatch(/localhost, an internal name/);
    await expect(policy.refusalOf('http://metadata.google.internal/computeMetadata/v1/')).resolves.toMatch(/internal name/);
    await expect(policy.refusalOf('http://127.0.0.1:4103/graphql')).resolves.toMatch(/127\.0\.0\.1, a loopback address/);
    await expect(policy.refusalOf('http://[::ffff:127.0.0.1]/x')).resolves.toMatch(/a loopback address/);
    await expect(policy.refusalOf('http://169.254.169.254/latest/meta-data/')).resolves.toMatch(/a metadata address/);
    await expect(policy.refusalOf('http://2130706433/x')).resolves.toMatch(/127\.0\.0\.1, a loopback address/);
    await expect(policy.refusalOf('https://sneaky.example.org/x')).resolves.toBe('goes to sneaky.example.org (10.0.0.7), a private address: webhooks go only to public internet addresses');
    await expect(policy.refusalOf('https://mapped.example.org/x')).resolves.toMatch(/a metadata address/);
    await expect(policy.refusalOf('https://nowhere.example.org/x')).resolves.toMatch(/could not be resolved \(ENOTFOUND\)/);
  });

  it('checks again when connecting: a name re-pointed after the save is refused there', async () => {
    await expect(policy.refusalOf('https://rebinding.example.org/x')).resolves.toBeNull();
    dns['rebinding.example.org'] = ['127.0.0.1'];
    const lookup = policy.connectionLookup() as unknown as (host: string, options: { all?: boolean }, callback: (error: NodeJS.ErrnoException | null, ...rest: unknown[]) => void) => void;
    const refused = await new Promise<NodeJS.ErrnoException | null>((resolve) => lookup('rebinding.example.org', {}, (error) => resolve(error)));
    expect(refused?.code).toBe(WEBHOOK_POLICY_REFUSED);
    expect(refused?.message).toMatch(/rebinding\.example\.org \(127\.0\.0\.1\), a loopback address/);
    const allowed = await new Promise<unknown[]>((resolve) => lookup('hooks.example.org', {}, (_error, ...rest) => resolve(rest)));
    expect(allowed).toEqual(['93.184.215.14', 4]);
    const all = await new Promise<unknown[]>((resolve) => lookup('hooks.example.org', { all: true }, (_error, ...rest) => resolve(rest)));
    expect(all).toEqual([dns['hooks.example.org']?.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))]);
    expect(policy.refusalBeforeLookup('http://[fe80::1]/x')).toMatch(/a link-local address/);
  });

  it('with WEBHOOK_ALLOW_PRIVATE, lets internal addresses through but never another scheme or credentials', async () => {
    const local = new WebhookPolicy(true, fakeDns(dns));
    await expect(local.refusalOf('http://127.0.0.1:5555/hooks')).resolves.toBeNull();
    await expect(local.refusalOf('http://localhost:5555/hooks')).resolves.toBeNull();
    expect(local.refusalBeforeLookup('http://10.0.0.7/hooks')).toBeNull();
    expect(local.connectionLookup()).toBeUndefined();
    await expect(local.refusalOf('https://user:pw@127.0.0.1/x')).resolves.toMatch(/user name or password/);
    await expect(local.refusalOf('gopher://127.0.0.1/x')).resolves.toMatch(/http:\/\/ or https:\/\//);
  });
});
