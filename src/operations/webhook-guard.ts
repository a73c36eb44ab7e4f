import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Keeps webhooks from being turned against the server's own network (SSRF): a subscriber URL may not
 * name or resolve to a loopback, private, link-local (cloud metadata at 169.254.169.254 and
 * fd00:ec2::254), carrier-grade NAT, multicast or reserved address. Checked when the URL is saved and
 * again on every delivery, on the very addresses the connection then uses (so a name that resolved
 * to a public address when saved and to 127.0.0.1 now is refused: DNS rebinding).
 * WEBHOOK_ALLOW_NETWORKS names the exceptions (tests, a receiver on the same host).
 */
const NOT_PUBLIC: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.0.2.0', 24, 'ipv4'],
  ['192.88.99.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['198.51.100.0', 24, 'ipv4'],
  ['203.0.113.0', 24, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'], // NAT64: reaches whatever IPv4 address it embeds
  ['64:ff9b:1::', 48, 'ipv6'],
  ['100::', 64, 'ipv6'],
  ['2001:db8::', 32, 'ipv6'],
  ['2002::', 16, 'ipv6'], // 6to4: embeds an IPv4 address
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];
const notPublic = new BlockList();
for (const [net, bits, family] of NOT_PUBLIC) notPublic.addSubnet(net, bits, family);

/** The exceptions of WEBHOOK_ALLOW_NETWORKS (addresses or CIDRs, already validated by the config). */
export function allowList(networks: string[]): BlockList {
  const allowed = new BlockList();
  for (const n of networks) {
    const [addr, bits] = n.split('/') as [string, string | undefined];
    const family = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) allowed.addAddress(addr, family);
    else allowed.addSubnet(addr, Number(bits), family);
  }
  return allowed;
}

/** True when a webhook may connect to this IP address. (BlockList also matches IPv4-mapped IPv6 ::ffff:a.b.c.d.) */
export function mayConnect(address: string, allowed: BlockList): boolean {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  return allowed.check(address, family) || !notPublic.check(address, family);
}

export type Resolve = (hostname: string) => Promise<string[]>;

/** Every address a name resolves to (A and AAAA), as the connection would see them. */
export const resolveAll: Resolve = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses.map((a) => a.address)))));

/** The URL's host without IPv6 brackets. */
export const hostOf = (url: string) => new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');

export type UrlVerdict = 'ok' | 'private' | 'unresolvable';

/** Whether a URL may be subscribed: its host (an address, or every address its name resolves to) is public or allowed. */
export async function judgeUrl(url: string, allowed: BlockList, resolve: Resolve = resolveAll): Promise<UrlVerdict> {
  const host = hostOf(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return 'unresolvable';
    }
    if (addresses.length === 0) return 'unresolvable';
  }
  return addresses.every((a) => mayConnect(a, allowed)) ? 'ok' : 'private';
}

export class PrivateAddressError extends Error {
  readonly code = 'EWEBHOOKPRIVATE';
  constructor(readonly address: string) {
    super(`refused: ${address} is a private, loopback, link-local or reserved address`);
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves with `resolve` and fails the connection when any address
 * the name has is not allowed, so the check and the connection use the same answer.
 */
export function guardedLookup(allowed: BlockList, resolve: Resolve = resolveAll) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.find((a) => !mayConnect(a, allowed));
        if (refused) return callback(new PrivateAddressError(refused), '');
        if (addresses.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
        const list = addresses.map((address) => ({ address, family: isIP(address) }));
        if (options.all) callback(null, list);
        else callback(null, list[0]!.address, list[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}
