import { isIPv4, isIPv6 } from 'node:net';

/**
 * What an IP address is, for the webhook policy: only `public` addresses
 * may receive webhooks (unless WEBHOOK_ALLOW_PRIVATE). The rest would let a
 * saved search make the funding service POST into its own network: the
 * loopback, private and shared (carrier-grade NAT) ranges, link-local, the
 * cloud metadata endpoints, and ranges never routed on the internet.
 */
export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local' | 'metadata' | 'unspecified' | 'multicast' | 'reserved';

type Range = readonly [network: bigint, prefix: number, kind: AddressKind];

function v4(text: string): bigint {
  return text.split('.').reduce((value, octet) => (value << 8n) | BigInt(Number(octet)), 0n);
}

/** 128 bits of an IPv6 address (`::` expanded, a dotted IPv4 tail read); null when it is not one. */
export function ipv6Bits(text: string): bigint | null {
  if (!isIPv6(text)) return null;
  let address = text.toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (tail?.[1]) {
    const bits = v4(tail[1]);
    address = `${address.slice(0, -tail[1].length)}${(bits >> 16n).toString(16)}:${(bits & 0xffffn).toString(16)}`;
  }
  const [head = '', rest] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups = rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

function v6(text: string): bigint {
  return ipv6Bits(text) as bigint;
}

/** First match wins: the metadata endpoints before the ranges they sit in. */
const IPV4_RANGES: readonly Range[] = [
  [v4('169.254.169.254'), 32, 'metadata'], // AWS, GCP, Azure, OpenStack, …
  [v4('169.254.170.2'), 32, 'metadata'], // AWS ECS task metadata
  [v4('100.100.100.200'), 32, 'metadata'], // Alibaba Cloud
  [v4('0.0.0.0'), 8, 'unspecified'],
  [v4('127.0.0.0'), 8, 'loopback'],
  [v4('10.0.0.0'), 8, 'private'],
  [v4('172.16.0.0'), 12, 'private'],
  [v4('192.168.0.0'), 16, 'private'],
  [v4('100.64.0.0'), 10, 'private'], // shared address space (carrier-grade NAT)
  [v4('169.254.0.0'), 16, 'link-local'],
  [v4('192.0.0.0'), 24, 'reserved'], // IETF protocol assignments
  [v4('192.0.2.0'), 24, 'reserved'], // documentation
  [v4('198.18.0.0'), 15, 'reserved'], // benchmarking
  [v4('198.51.100.0'), 24, 'reserved'],
  [v4('203.0.113.0'), 24, 'reserved'],
  [v4('224.0.0.0'), 4, 'multicast'],
  [v4('240.0.0.0'), 4, 'reserved'], // and 255.255.255.255
];

const IPV6_RANGES: readonly Range[] = [
  [v6('fd00:ec2::254'), 128, 'metadata'], // AWS instance metadata over IPv6
  [v6('::'), 128, 'unspecified'],
  [v6('::1'), 128, 'loopback'],
  [v6('fc00::'), 7, 'private'], // unique local
  [v6('fe80::'), 10, 'link-local'],
  [v6('fec0::'), 10, 'private'], // site-local (deprecated, still routed inside some networks)
  [v6('ff00::'), 8, 'multicast'],
  [v6('100::'), 64, 'reserved'], // discard
  [v6('2001:db8::'), 32, 'reserved'], // documentation
  [v6('2001::'), 32, 'reserved'], // Teredo: the IPv4 inside is obfuscated, so it cannot be checked
  [v6('64:ff9b:1::'), 48, 'private'], // NAT64 for local use
];

/** IPv6 prefixes that carry an IPv4 address: the address is what the IPv4 inside is. */
const EMBEDDING_IPV4: ReadonlyArray<readonly [network: bigint, prefix: number, shift: bigint]> = [
  [v6('::ffff:0:0'), 96, 0n], // IPv4-mapped
  [v6('::ffff:0:0:0'), 96, 0n], // IPv4-translated (SIIT)
  [v6('64:ff9b::'), 96, 0n], // NAT64
  [v6('::'), 96, 0n], // IPv4-compatible (deprecated; :: and ::1 are matched before)
  [v6('2002::'), 16, 80n], // 6to4: the IPv4 follows the prefix
];

function inRange(bits: bigint, width: number, network: bigint, prefix: number): boolean {
  const shift = BigInt(width - prefix);
  return bits >> shift === network >> shift;
}

function kindIn(bits: bigint, width: number, ranges: readonly Range[]): AddressKind | null {
  return ranges.find(([network, prefix]) => inRange(bits, width, network, prefix))?.[2] ?? null;
}

/** The kind of an IPv4 or IPv6 address (brackets allowed); null when the text is not an IP address (a host name). */
export function addressKind(address: string): AddressKind | null {
  const text = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIPv4(text)) return kindIn(v4(text), 32, IPV4_RANGES) ?? 'public';
  const bits = ipv6Bits(text);
  if (bits === null) return null;
  const own = kindIn(bits, 128, IPV6_RANGES);
  if (own) return own;
  const embedding = EMBEDDING_IPV4.find(([network, prefix]) => inRange(bits, 128, network, prefix));
  if (embedding) return kindIn((bits >> embedding[2]) & 0xffffffffn, 32, IPV4_RANGES) ?? 'public';
  return 'public';
}
