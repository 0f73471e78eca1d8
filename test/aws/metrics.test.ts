// Call counts per account and service (src/aws/metrics.ts): what each manifest entry stores.

import { describe, expect, it } from 'vitest';
import { CallMetrics, type CallKind } from '../../src/aws/metrics.js';

function counted(calls: Array<[string, string, CallKind]>): CallMetrics {
  const metrics = new CallMetrics();
  for (const [account, service, kind] of calls) metrics.count(account, service, kind);
  return metrics;
}

describe('CallMetrics', () => {
  it.each([
    ['one request', [['a', 'iam', 'requests']], { iam: { requests: 1, retries: 0, throttles: 0, errors: 0 } }],
    [
      'a throttled request retried',
      [['a', 'ec2', 'requests'], ['a', 'ec2', 'throttles'], ['a', 'ec2', 'requests'], ['a', 'ec2', 'retries']],
      { ec2: { requests: 2, retries: 1, throttles: 1, errors: 0 } },
    ],
    ['another account only', [['b', 'iam', 'requests']], {}],
  ] as const)('counts %s per service of the account', (_, calls, expected) => {
    expect(counted(calls as unknown as Array<[string, string, CallKind]>).forAccount('a')).toEqual(expected);
  });

  it('shares equal counts between entries, frozen, and keeps counting apart from them', () => {
    const metrics = counted([['a', 'iam', 'requests'], ['b', 'iam', 'requests'], ['b', 'kms', 'requests']]);
    const [a, b] = [metrics.forAccount('a'), metrics.forAccount('b')];
    expect(a.iam).toBe(b.iam);
    expect(b.kms).toBe(b.iam);
    expect(Object.isFrozen(a.iam)).toBe(true);
    metrics.count('a', 'iam', 'requests');
    expect(a.iam).toEqual({ requests: 1, retries: 0, throttles: 0, errors: 0 });
    expect(metrics.forAccount('a').iam).toEqual({ requests: 2, retries: 0, throttles: 0, errors: 0 });
  });

  it('forgets an account and keeps it in the totals', () => {
    const metrics = counted([['a', 'iam', 'requests'], ['a', 'iam', 'errors']]);
    metrics.forget('a');
    expect(metrics.forAccount('a')).toEqual({});
    expect(metrics.totals()).toEqual({ requests: 1, retries: 0, throttles: 0, errors: 1 });
  });
});
