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

function parseIpv6(text: string): bigint | undefined {
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
