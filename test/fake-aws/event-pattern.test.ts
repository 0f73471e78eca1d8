// The fake's EventBridge pattern matcher, case by case, against the documented semantics.

import { describe, expect, it } from 'vitest';
import { deliveredIdentity, ownIdentity, ROUTING_SAMPLES, sampleEvent } from '../../src/datasets/eventbridge/samples/index.js';
import { InvalidPatternError, matchesPattern } from './event-pattern.js';

const event = {
  source: 'aws.guardduty',
  'detail-type': 'GuardDuty Finding',
  resources: [],
  detail: { severity: 8, type: 'Backdoor:EC2/C&CActivity.B', service: { archived: false }, tags: ['prod', 'pci'], findings: [{ ProductName: 'GuardDuty' }, { ProductName: 'Config' }] },
};

describe('matchesPattern', () => {
  it.each([
    ['exact string', { source: ['aws.guardduty'] }, true],
    ['exact string, other value', { source: ['aws.health'] }, false],
    ['any of several values', { source: ['aws.health', 'aws.guardduty'] }, true],
    ['exact number', { detail: { severity: [8] } }, true],
    ['exact boolean', { detail: { service: { archived: [false] } } }, true],
    ['value inside an event array', { detail: { tags: ['pci'] } }, true],
    ['field of an array of objects', { detail: { findings: { ProductName: ['Config'] } } }, true],
    ['field of an array of objects, no element has it', { detail: { findings: { ProductName: ['Inspector'] } } }, false],
    ['prefix', { detail: { type: [{ prefix: 'Backdoor:' }] } }, true],
    ['prefix, no match', { detail: { type: [{ prefix: 'Recon:' }] } }, false],
    ['suffix', { detail: { type: [{ suffix: '.B' }] } }, true],
    ['equals-ignore-case', { 'detail-type': [{ 'equals-ignore-case': 'guardduty finding' }] }, true],
    ['anything-but a value', { source: [{ 'anything-but': 'aws.health' }] }, true],
    ['anything-but a list containing it', { source: [{ 'anything-but': ['aws.health', 'aws.guardduty'] }] }, false],
    ['anything-but a prefix', { source: [{ 'anything-but': { prefix: 'aws.' } }] }, false],
    ['anything-but on a missing field', { detail: { missing: [{ 'anything-but': 'x' }] } }, false],
    ['exists true', { detail: { severity: [{ exists: true }] } }, true],
    ['exists false on a missing field', { detail: { missing: [{ exists: false }] } }, true],
    ['exists false on a present field', { detail: { severity: [{ exists: false }] } }, false],
    ['numeric range', { detail: { severity: [{ numeric: ['>=', 7, '<', 9] }] } }, true],
    ['numeric range, outside', { detail: { severity: [{ numeric: ['<', 4] }] } }, false],
    ['missing nested object', { detail: { nothing: { here: ['x'] } } }, false],
    ['$or, one branch matches', { $or: [{ source: ['aws.health'] }, { detail: { severity: [8] } }] }, true],
    ['every field must match', { source: ['aws.guardduty'], 'detail-type': ['Other'] }, false],
  ])('%s', (_name, pattern, expected) => {
    expect(matchesPattern(pattern, event)).toBe(expected);
  });

  it.each([
    ['a scalar instead of an array', { source: 'aws.guardduty' }],
    ['an unknown operator', { source: [{ wildcard2: 'x' }] }],
    ['a non-boolean exists', { source: [{ exists: 'yes' }] }],
    ['an odd numeric list', { detail: { severity: [{ numeric: ['>', 1, '<'] }] } }],
    ['a pattern that is not an object', ['aws.guardduty']],
  ])('rejects %s', (_name, pattern) => {
    expect(() => matchesPattern(pattern, event)).toThrow(InvalidPatternError);
  });

  it('matches the routing samples the checks rely on as EventBridge would', () => {
    const verdict = (id: string, pattern: object) => {
      const sample = ROUTING_SAMPLES.find((s) => s.id === id)!;
      return matchesPattern(pattern, JSON.parse(sampleEvent(sample, ownIdentity('111111111111', 'eu-west-1'))));
    };
    const guardDutyHigh = { source: ['aws.guardduty'], detail: { severity: [{ numeric: ['>=', 7] }], service: { archived: [false] } } };
    expect(verdict('guardduty:credential-exfiltration', guardDutyHigh)).toBe(true);
    expect(verdict('guardduty:c2-activity', { source: ['aws.guardduty'], detail: { type: [{ prefix: 'UnauthorizedAccess:' }] } })).toBe(false);
    const hubFromGuardDuty = { source: ['aws.securityhub'], 'detail-type': ['Security Hub Findings - Imported'], detail: { findings: { ProductName: ['GuardDuty'] } } };
    expect(verdict('securityhub-v1:guardduty-credential-exfiltration', hubFromGuardDuty)).toBe(true);
    expect(verdict('securityhub-v1:config', hubFromGuardDuty)).toBe(false);
    // GuardDuty findings in Security Hub are Amazon's and carry no Compliance object.
    const amazon = { source: ['aws.securityhub'], detail: { findings: { CompanyName: ['Amazon'] } } };
    expect(verdict('securityhub-v1:guardduty-c2-activity', amazon)).toBe(true);
    const failedControls = { source: ['aws.securityhub'], detail: { findings: { Compliance: { Status: ['FAILED'] } } } };
    expect(verdict('securityhub-v1:guardduty-c2-activity', failedControls)).toBe(false);
    expect(verdict('securityhub-v1:config', failedControls)).toBe(true);
    expect(verdict('securityhub-v1:control', failedControls)).toBe(true);
    const tactics = { source: ['aws.securityhub'], detail: { findings: { Types: [{ prefix: 'TTPs/' }] } } };
    expect(verdict('securityhub-v1:guardduty-c2-activity', tactics)).toBe(true);
    expect(verdict('securityhub-v1:guardduty-credential-exfiltration', tactics)).toBe(false);
    const nonCompliant = { source: ['aws.config'], detail: { newEvaluationResult: { complianceType: ['NON_COMPLIANT'] } } };
    expect(verdict('config:non-compliant', nonCompliant)).toBe(true);
    const riskCodes = { source: ['aws.health'], detail: { service: ['RISK'], eventTypeCode: [{ prefix: 'AWS_RISK_CREDENTIALS_' }] } };
    expect(verdict('health:AWS_RISK_CREDENTIALS_EXPOSED', riskCodes)).toBe(true);
    expect(verdict('health:AWS_RISK_IAM_QUARANTINE', riskCodes)).toBe(false);
  });

  it('gives a member\'s event the identity AWS gives it on a central bus', () => {
    const [member, admin] = ['111111111111', '999999999999'];
    const finding = ROUTING_SAMPLES.find((s) => s.id === 'guardduty:c2-activity')!;
    const delivered = JSON.parse(sampleEvent(finding, deliveredIdentity(member, admin, 'eu-west-1')));
    expect([delivered.account, delivered.detail.accountId]).toEqual([admin, member]);
    expect(matchesPattern({ source: ['aws.guardduty'], detail: { accountId: [admin] } }, delivered)).toBe(false);
    expect(matchesPattern({ source: ['aws.guardduty'], detail: { accountId: [member] } }, delivered)).toBe(true);
    const risk = ROUTING_SAMPLES.find((s) => s.id === 'health:AWS_RISK_CREDENTIALS_EXPOSED')!;
    const viaOrgView = JSON.parse(sampleEvent(risk, deliveredIdentity(member, admin, 'us-east-1')));
    expect([viaOrgView.account, viaOrgView.detail.affectedAccount]).toEqual([admin, member]);
  });
});
