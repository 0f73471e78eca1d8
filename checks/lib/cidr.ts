// CIDR parsing and containment for IPv4 and IPv6, used to judge IP-restricting Deny statements.

export interface Cidr {
  version: 4 | 6;
  network: bigint;
  prefix: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n);
}

/** An IPv6 address whose last 32 bits may be written as an IPv4 address (`::ffff:203.0.113.7`). */
function parseIpv6(text: string): bigint | undefined {
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const ipv4 = parseIpv4(dotted[2]!);
    return ipv4 === undefined ? undefined : parseIpv6(`${dotted[1]}${(ipv4 >> 16n).toString(16)}:${(ipv4 & 0xffffn).toString(16)}`);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined) => (half ? half.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return all.reduce((acc, g) => (acc << 16n) | BigInt(`0x${g}`), 0n);
}

/** `203.0.113.0/24`, `2001:db8::/32`, or a bare address (a single host). */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', prefixText] = text.trim().split('/');
  const version = address.includes(':') ? 6 : 4;
  const width = version === 4 ? 32 : 128;
  const value = version === 4 ? parseIpv4(address) : parseIpv6(address);
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (value === undefined || !/^\d+$/.test(prefixText ?? String(width)) || prefix > width) return undefined;
  const hostBits = BigInt(width - prefix);
  return { version, network: (value >> hostBits) << hostBits, prefix };
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  if (outer.version !== inner.version || inner.prefix < outer.prefix) return false;
  const hostBits = BigInt((outer.version === 4 ? 32 : 128) - outer.prefix);
  return inner.network >> hostBits === outer.network >> hostBits;
}

const IPV4_MAPPED = parseCidr('::ffff:0:0/96')!;

/**
 * A range inside the IPv4-mapped block `::ffff:0:0/96` as the IPv4 range it maps; a wider IPv6 range
 * holding that whole block maps every IPv4 address. Any other range is returned as it is.
 */
export function asIpv4IfMapped(cidr: Cidr): Cidr {
  if (cidr.version !== 6) return cidr;
  if (contains(IPV4_MAPPED, cidr)) return { version: 4, network: cidr.network & 0xffffffffn, prefix: cidr.prefix - 96 };
  if (contains(cidr, IPV4_MAPPED)) return { version: 4, network: 0n, prefix: 0 };
  return cidr;
}

/** `203.0.113.0/24` or `2001:db8:0:0:0:0:0:0/32` (IPv6 written out, not shortened). */
export function formatCidr(cidr: Cidr): string {
  const groups = cidr.version === 4 ? 4 : 8;
  const bits = cidr.version === 4 ? 8n : 16n;
  const parts = Array.from({ length: groups }, (_, i) => (cidr.network >> (bits * BigInt(groups - 1 - i))) & ((1n << bits) - 1n));
  const address = cidr.version === 4 ? parts.join('.') : parts.map((p) => p.toString(16)).join(':');
  return `${address}/${cidr.prefix}`;
}
