import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import { checkActions } from '../../src/contract/check.js';
import { UsageError } from '../../src/errors.js';
import {
  ALLOWED_NON_READ_ACTIONS,
  buildPolicyDocument,
  isReadOnlyAction,
  ORGANIZATION_ACTIONS,
  policyActions,
  SCANNER_ACTIONS,
} from '../../src/policy/policy.js';
import { neededActions } from '../../src/policy/selection.js';

const fullPolicy = () => buildPolicyDocument(policyActions(neededActions({}, ALL_CHECKS)));
const allowed = (policy = fullPolicy()) => policy.Statement.flatMap((s) => s.Action);

describe('policy generation', () => {
  it('allows every action every check needs, plus the scanner and organization reads', () => {
    const actions = allowed();
    for (const check of ALL_CHECKS) expect(actions).toEqual(expect.arrayContaining(checkActions(check)));
    expect(actions).toEqual(expect.arrayContaining([...SCANNER_ACTIONS, ...ORGANIZATION_ACTIONS]));
    expect(actions).toContain('support:DescribeSeverityLevels');
    expect(new Set(actions).size).toBe(actions.length);
  });

  it('names exact actions only: no wildcard, no write other than the allowed ones', () => {
    for (const action of allowed()) {
      expect(action).not.toMatch(/\*/);
      expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
      expect(isReadOnlyAction(action)).toBe(true);
    }
    const nonRead = allowed().filter((a) => !/^[a-z0-9-]+:(Describe|Get|List|BatchGet|Test)[A-Z]/.test(a));
    // API Gateway authorizes reads as the HTTP verb; CloudTrail's event history is read with LookupEvents.
    expect(nonRead).toEqual(['apigateway:GET', 'cloudtrail:LookupEvents', 'iam:GenerateCredentialReport']);
    expect(allowed()).not.toContain('sts:AssumeRole');
  });

  it('groups one statement per service with Resource "*" and unique alphanumeric Sids', () => {
    const policy = fullPolicy();
    expect(policy.Version).toBe('2012-10-17');
    for (const statement of policy.Statement) {
      expect(statement.Effect).toBe('Allow');
      expect(statement.Resource).toBe('*');
      expect(statement.Sid).toMatch(/^[A-Za-z0-9]+$/);
      expect(new Set(statement.Action.map((a) => a.split(':')[0])).size).toBe(1);
      expect(statement.Action).toEqual([...statement.Action].sort());
    }
    const sids = policy.Statement.map((s) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    expect(sids).toContain('ReadSupport');
  });

  it('is deterministic whatever the input order', () => {
    const actions = neededActions({}, ALL_CHECKS);
    const shuffled = [...actions].reverse();
    expect(JSON.stringify(buildPolicyDocument(policyActions(shuffled)))).toBe(
      JSON.stringify(buildPolicyDocument(policyActions(actions))),
    );
  });

  it('fits the 10,240-character limit of a role inline policy, minified', () => {
    expect(JSON.stringify(fullPolicy()).length).toBeLessThan(10_240);
  });

  it('rejects wildcards and write actions', () => {
    expect(() => policyActions(['ec2:Describe*'])).toThrow(UsageError);
    expect(() => policyActions(['s3:*'])).toThrow(UsageError);
    expect(() => policyActions(['ec2:TerminateInstances'])).toThrow(/not a read-only/);
    expect(() => policyActions(['iam:CreateUser'])).toThrow(UsageError);
    expect(ALLOWED_NON_READ_ACTIONS).toEqual(['iam:GenerateCredentialReport', 'sts:AssumeRole']);
  });

  it('selects by check id and by checklist, and refuses unknown ids or an empty selection', () => {
    expect(neededActions({ checkIds: ['support-plan-business-or-higher'] }, ALL_CHECKS)).toEqual(['support:DescribeSeverityLevels']);
    const ftr = ALL_CHECKS.filter((c) => c.requirements['ftr-partner-hosted']?.length);
    expect(neededActions({ checklist: 'ftr-partner-hosted' }, ALL_CHECKS)).toEqual([...new Set(ftr.flatMap(checkActions))].sort());
    expect(() => neededActions({ checkIds: ['no-such-check'] }, ALL_CHECKS)).toThrow(/unknown check id: no-such-check/);
    expect(() => neededActions({ checklist: 'no-such-list' }, ALL_CHECKS)).toThrow(/unknown checklist/);
  });

  it('is exactly the union of the checks it was given, with dependencies', () => {
    const all = neededActions({}, ALL_CHECKS);
    expect(all).toEqual([...new Set(ALL_CHECKS.flatMap(checkActions))].sort());
    expect(all).toContain('iam:GenerateCredentialReport');
  });
});
