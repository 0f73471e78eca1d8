import { describe, expect, it } from 'vitest';
import { asIpv4IfMapped, contains, formatCidr, parseCidr } from '../../../checks/lib/cidr.js';

const within = (outer: string, inner: string) => contains(parseCidr(outer)!, parseCidr(inner)!);

describe('cidr', () => {
  it.each([
    ['203.0.113.0/24', '203.0.113.128/25', true],
    ['203.0.113.0/24', '203.0.113.5', true],
    ['203.0.113.0/24', '203.0.112.0/23', false],
    ['203.0.113.0/24', '198.51.100.0/24', false],
    ['10.0.0.0/8', '10.255.0.0/16', true],
    ['2001:db8::/32', '2001:db8:ffff::/48', true],
    ['2001:db8::/32', '2001:db9::/48', false],
    ['2001:db8::/32', '203.0.113.0/24', false],
    ['0.0.0.0/0', '192.0.2.1', true],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(within(outer, inner)).toBe(expected);
  });

  it.each(['300.1.1.1/24', '10.0.0.0/33', '1.2.3/24', 'fe80::1::2/64', 'example.com', '10.0.0.0/x'])('rejects %s', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  it('normalizes host bits and reads bare addresses as single hosts', () => {
    expect(parseCidr('203.0.113.77/24')).toEqual({ version: 4, network: parseCidr('203.0.113.0/24')!.network, prefix: 24 });
    expect(parseCidr('::1')).toEqual({ version: 6, network: 1n, prefix: 128 });
  });

  it('reads an IPv4 address written at the end of an IPv6 one', () => {
    expect(parseCidr('::ffff:203.0.113.0/120')).toEqual(parseCidr('::ffff:cb00:7100/120'));
    expect(parseCidr('::ffff:300.0.113.0/120')).toBeUndefined();
  });

  it.each([
    ['::ffff:0:0/96', '0.0.0.0/0'],
    ['::ffff:203.0.113.0/120', '203.0.113.0/24'],
    ['::ffff:a00:0/104', '10.0.0.0/8'],
    ['::/32', '0.0.0.0/0'],
    ['::ffff:0:0/95', '0.0.0.0/0'],
    ['2001:db8::/32', '2001:db8:0:0:0:0:0:0/32'],
    ['203.0.113.0/24', '203.0.113.0/24'],
  ])('judges %s as %s', (text, judged) => {
    expect(formatCidr(asIpv4IfMapped(parseCidr(text)!))).toBe(judged);
  });
});
