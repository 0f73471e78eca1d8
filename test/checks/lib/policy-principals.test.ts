import { describe, expect, it } from 'vitest';
import { actionMatches, admitsEveryone, callerLimits, coversAction, principalAccount, requiresExternalId } from '../../../checks/lib/policy-principals.js';
import type { PolicyStatement } from '../../../src/datasets/policy-types.js';

const allow = (extra: Partial<PolicyStatement>): PolicyStatement => ({ effect: 'Allow', ...extra });

describe('policy principals', () => {
  it('matches action patterns with wildcards, case-insensitively', () => {
    expect(actionMatches('kms:ReEncrypt*', 'kms:ReEncryptFrom')).toBe(true);
    expect(actionMatches('KMS:decrypt', 'kms:Decrypt')).toBe(true);
    expect(actionMatches('kms:Re?ncryptTo', 'kms:ReEncryptTo')).toBe(true);
    expect(actionMatches('kms:Describe*', 'kms:Decrypt')).toBe(false);
    expect(actionMatches('*', 'sts:AssumeRole')).toBe(true);
  });

  it('reads NotAction as covering what it leaves out', () => {
    expect(coversAction(allow({ notAction: ['kms:Decrypt'] }), 'kms:Encrypt')).toBe(true);
    expect(coversAction(allow({ notAction: ['kms:*'] }), 'kms:Encrypt')).toBe(false);
    expect(coversAction(allow({}), 'kms:Encrypt')).toBe(false);
  });

  it('admits everyone through *, {"AWS": "*"} or NotPrincipal', () => {
    expect(admitsEveryone(allow({ principal: '*' }))).toBe(true);
    expect(admitsEveryone(allow({ principal: { AWS: ['*'] } }))).toBe(true);
    expect(admitsEveryone(allow({ notPrincipal: { AWS: ['arn:aws:iam::111122223333:root'] } }))).toBe(true);
    expect(admitsEveryone(allow({ principal: { Service: ['*'] } }))).toBe(false);
  });

  it('finds the account of an AWS principal, in any partition', () => {
    expect(principalAccount('123456789012')).toBe('123456789012');
    expect(principalAccount('arn:aws:iam::123456789012:root')).toBe('123456789012');
    expect(principalAccount('arn:aws-us-gov:iam::123456789012:role/x')).toBe('123456789012');
    expect(principalAccount('arn:aws:sts::123456789012:assumed-role/x/y')).toBe('123456789012');
    expect(principalAccount('AROAEXAMPLEDELETEDROLE')).toBeUndefined();
    expect(principalAccount('*')).toBeUndefined();
  });

  it('counts only binding operators as limiting the caller or requiring an ExternalId', () => {
    const bound = allow({ condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-1'] }, 'ForAnyValue:StringLike': { 'aws:SourceArn': ['arn:*'] } } });
    expect(callerLimits(bound)).toEqual(['aws:PrincipalOrgID', 'aws:SourceArn']);
    const loose = allow({
      condition: { StringNotEquals: { 'aws:PrincipalOrgID': ['o-1'] }, StringEqualsIfExists: { 'aws:PrincipalAccount': ['1'] }, Null: { 'aws:SourceAccount': ['false'] }, Bool: { 'aws:SecureTransport': ['true'] } },
    });
    expect(callerLimits(loose)).toEqual([]);
    expect(requiresExternalId(allow({ condition: { StringEquals: { 'sts:externalid': ['x'] } } }))).toBe(true);
    expect(requiresExternalId(allow({ condition: { StringLikeIfExists: { 'sts:ExternalId': ['x'] } } }))).toBe(false);
  });
});
