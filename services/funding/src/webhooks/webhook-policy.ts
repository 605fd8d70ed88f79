import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { addressKind } from './webhook-address';

/** The error code of a connection the policy refused at its lookup (send time). */
export const WEBHOOK_POLICY_REFUSED = 'EWEBHOOKPOLICY';

/** Resolves a host name to every address it has (A and AAAA), as the connection would. */
export type ResolveAll = (host: string) => Promise<string[]>;

/** What DNS answers for a name, every address of it (the standard lookup, with `all`). */
export type LookupAll = (host: string, options: { all: true; family?: number; hints?: number }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

const systemLookupAll: LookupAll = (host, options, callback) => dnsLookup(host, options, callback);

/** Names that mean this machine or a cloud's internal network, refused before any lookup. */
function isInternalName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name.endsWith('.internal') || name === 'metadata';
}

/**
 * The shape of a webhook URL, without looking anything up: http or https,
 * no user name or password in it (they would sit in logs and the search's
 * record; the signature authenticates the POST). Null when it is fine.
 */
export function webhookUrlProblem(url: string): string | null {
  if (!URL.canParse(url)) return 'must be an absolute http:// or https:// URL';
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an absolute http:// or https:// URL';
  if (parsed.username !== '' || parsed.password !== '') return 'must not carry a user name or password: the receiver checks the Entente-Signature header instead';
  if (parsed.hostname === '') return 'must name a host';
  return null;
}

function refusalOfAddress(host: string, address: string): string | null {
  const kind = addressKind(address);
  if (kind === null || kind === 'public') return null;
  const named = host === address ? address : `${host} (${address})`;
  return `goes to ${named}, a ${kind} address: webhooks go only to public internet addresses`;
}

/**
 * Where webhooks may go (README: Webhook). At save, a URL is refused whose
 * host is an internal name or resolves to any non-public address
 * (webhook-address.ts); at send, the connection's own lookup checks again
 * what the name resolves to then, so a name re-pointed after the save (DNS
 * rebinding) is refused before a byte is sent. `allowPrivate`
 * (WEBHOOK_ALLOW_PRIVATE, for local development and tests, whose receivers
 * listen on 127.0.0.1) lifts the address checks, never the URL's shape.
 */
export class WebhookPolicy {
  constructor(
    readonly allowPrivate: boolean,
    private readonly lookupAll: LookupAll = systemLookupAll,
  ) {}

  /** Why this webhook URL is refused at save, or null. */
  async refusalOf(url: string): Promise<string | null> {
    const shape = webhookUrlProblem(url);
    if (shape) return shape;
    if (this.allowPrivate) return null;
    const host = hostOf(url);
    const literal = this.refusalBeforeLookup(url);
    if (literal || addressKind(host) !== null) return literal;
    let addresses: LookupAddress[];
    try {
      addresses = await new Promise((resolve, reject) => this.lookupAll(host, { all: true }, (error, found) => (error ? reject(error) : resolve(found))));
    } catch (error) {
      return `names a host that could not be resolved (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); use a name that resolves to a public address`;
    }
    for (const { address } of addresses) {
      const refused = refusalOfAddress(host, address);
      if (refused) return refused;
    }
    return addresses.length === 0 ? 'names a host with no address' : null;
  }

  /**
   * The refusal a URL gets without a lookup: an internal name, or an IP
   * address written in it (a connection to a literal address looks nothing
   * up, so the lookup below never sees it). Null when it may go on.
   */
  refusalBeforeLookup(url: string): string | null {
    if (this.allowPrivate) return null;
    const host = hostOf(url);
    if (isInternalName(host)) return `goes to ${host}, an internal name: webhooks go only to public internet addresses`;
    return refusalOfAddress(host, host);
  }

  /**
   * The lookup a webhook connection uses: the name's addresses, refused
   * (error code EWEBHOOKPOLICY) when any of them is not public. Undefined
   * when private addresses are allowed (the system lookup as it is).
   */
  connectionLookup(): LookupFunction | undefined {
    if (this.allowPrivate) return undefined;
    const lookup = (host: string, options: { all?: boolean; family?: number; hints?: number }, callback: (...args: unknown[]) => void): void => {
      this.lookupAll(host, { family: options.family, hints: options.hints, all: true }, (error, addresses) => {
        if (error) return callback(error);
        const refused = addresses.map(({ address }) => refusalOfAddress(host, address)).find((reason) => reason !== null);
        if (refused || addresses.length === 0) {
          const failure: NodeJS.ErrnoException = new Error(refused ?? 'names a host with no address');
          failure.code = WEBHOOK_POLICY_REFUSED;
          return callback(failure);
        }
        if (options.all) return callback(null, addresses);
        const [first] = addresses as [LookupAddress];
        return callback(null, first.address, first.family);
      });
    };
    return lookup as unknown as LookupFunction;
  }
}

function hostOf(url: string): string {
  const { hostname } = new URL(url);
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}
