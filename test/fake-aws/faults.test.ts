// Fault injection: which call gets which error, independent of any protocol.

import { describe, expect, it } from 'vitest';
import { FakeAwsError, type ServiceErrors } from './errors.js';
import { FaultInjector, type CallSite } from './faults.js';

const errors: ServiceErrors = {
  throttle: { code: 'RequestLimitExceeded', status: 503, message: 'Request limit exceeded.' },
  accessDenied: { code: 'UnauthorizedOperation', status: 403 },
  regionDisabled: { code: 'AuthFailure', status: 401 },
};

function site(overrides: Partial<CallSite> = {}): CallSite {
  return { action: 'ec2:DescribeInstances', accountId: '111111111111', region: 'eu-west-1', callerArn: 'arn:aws:iam::111111111111:user/a', errors, ...overrides };
}

function outcome(faults: FaultInjector, call: CallSite): string {
  try {
    faults.check(call);
    return 'ok';
  } catch (err) {
    return (err as FakeAwsError).code;
  }
}

describe('FaultInjector', () => {
  it('throttles the first N calls of an action per account and region, with the service\'s error', () => {
    const faults = new FaultInjector({ throttle: [{ action: 'ec2:DescribeInstances', count: 2 }] });
    expect([1, 2, 3].map(() => outcome(faults, site()))).toEqual(['RequestLimitExceeded', 'RequestLimitExceeded', 'ok']);
    expect(outcome(faults, site({ region: 'us-east-1' }))).toBe('RequestLimitExceeded');
    expect(outcome(faults, site({ action: 'ec2:DescribeImages' }))).toBe('ok');
  });

  it('spends a per-account token bucket', () => {
    const faults = new FaultInjector({ tokenBucket: { ratePerSecond: 0.001, burst: 3 } });
    expect([1, 2, 3, 4].map(() => outcome(faults, site()))).toEqual(['ok', 'ok', 'ok', 'RequestLimitExceeded']);
    expect(outcome(faults, site({ accountId: '222222222222' }))).toBe('ok');
  });

  it('spends a token bucket per account, region and service when asked', () => {
    const faults = new FaultInjector({ tokenBucket: { ratePerSecond: 0.001, burst: 1, per: 'service' } });
    expect([1, 2].map(() => outcome(faults, site()))).toEqual(['ok', 'RequestLimitExceeded']);
    expect(outcome(faults, site({ region: 'us-east-1' }))).toBe('ok');
    expect(outcome(faults, site({ action: 'config:DescribeConfigRules' }))).toBe('ok');
    expect(outcome(faults, site({ action: 'ec2:DescribeImages' }))).toBe('RequestLimitExceeded');
  });

  it('neither meters nor throttles the exempt actions', () => {
    const faults = new FaultInjector({ tokenBucket: { ratePerSecond: 0.001, burst: 1, exempt: ['ec2:DescribeImages'] } });
    expect([1, 2, 3].map(() => outcome(faults, site({ action: 'ec2:DescribeImages' })))).toEqual(['ok', 'ok', 'ok']);
    expect([1, 2].map(() => outcome(faults, site()))).toEqual(['ok', 'RequestLimitExceeded']);
  });

  it('denies by IAM or by SCP with the message AWS uses, before any throttling', () => {
    const faults = new FaultInjector({
      deny: [{ action: '*', region: 'eu-west-1', by: 'scp' }, { action: 'ec2:DescribeImages' }],
      throttle: [{ action: 'ec2:DescribeInstances', count: 5 }],
    });
    let scp: unknown;
    try {
      faults.check(site());
    } catch (err) {
      scp = err;
    }
    expect(scp).toMatchObject({ code: 'UnauthorizedOperation', status: 403 });
    expect((scp as Error).message).toMatch(/^You are not authorized to perform this operation\. User: .* with an explicit deny in a service control policy\./);
    expect(outcome(faults, site({ action: 'ec2:DescribeImages', region: 'us-east-1' }))).toBe('UnauthorizedOperation');
    expect(outcome(faults, site({ region: 'us-east-1' }))).toBe('RequestLimitExceeded');
  });
});
