// ARNs for findings that concern an account or a region rather than one resource.

import type { CheckInput } from '../../src/contract/check.js';

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The region an input's ARNs belong to: account-scope checks run under `global`. */
function homeRegion(input: Pick<CheckInput<unknown, unknown>, 'region' | 'regions'>): string {
  return input.region === 'global' ? (input.regions[0] ?? 'us-east-1') : input.region;
}

export function accountArn(input: Pick<CheckInput<unknown, unknown>, 'accountId' | 'region' | 'regions'>): string {
  return `arn:${partitionOf(homeRegion(input))}:iam::${input.accountId}:root`;
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>` for the evaluated region. */
export function regionalArn(input: Pick<CheckInput<unknown, unknown>, 'accountId' | 'region'>, service: string, resource: string): string {
  return `arn:${partitionOf(input.region)}:${service}:${input.region}:${input.accountId}:${resource}`;
}
