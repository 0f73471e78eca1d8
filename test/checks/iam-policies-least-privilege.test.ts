import { describe, expect, it } from 'vitest';
import check from '../../checks/iam-policies-least-privilege.js';
import type { AccessAnalyzersEvidence } from '../../src/datasets/accessanalyzer/datasets.js';
import type { IamAuthorizationEvidence } from '../../src/datasets/iam/datasets.js';
import { allow, authorization, awsManagedRef, customerPolicy, doc, iamGroup, iamUser, role, roles, userArn } from '../helpers/fixtures/iam.js';
import { analyzer, analyzers } from '../helpers/fixtures/keys.js';
import { ACCOUNT, accountInput, failed, ok, REGION } from '../helpers/input.js';
import { runCheckCases, type CheckCase } from '../helpers/run-check-cases.js';

const admin = customerPolicy('break-glass', doc(allow(['*'])));
const scoped = customerPolicy('deploy', doc(allow(['s3:PutObject'], ['arn:aws:s3:::artifacts/*'])));
const unusedAnalyzer = analyzer('unused', 'ACCOUNT_UNUSED_ACCESS', { activeUnusedFindings: { UnusedIAMRole: 2, UnusedPermission: 1 } });

function privileges(auth: IamAuthorizationEvidence, options: { roleRefs?: { name: string; arn: string }[]; analyzers?: AccessAnalyzersEvidence } = {}): CheckCase['input'] {
  return accountInput({
    data: {
      authorization: auth,
      roles: roles(role('app', { attachedPolicies: options.roleRefs ?? [] })),
      analyzers: { [REGION]: ok(options.analyzers ?? analyzers()) },
    },
  });
}

const ref = (p: { name: string; arn: string }) => ({ name: p.name, arn: p.arn });

runCheckCases(check, [
  {
    name: 'a customer-managed policy allowing * on * attached to a role and a group fails',
    input: privileges(authorization({ groups: [iamGroup('ops', { attachedPolicies: [ref(admin)] })], policies: [admin, scoped] }), { roleRefs: [ref(admin)] }),
    expected: [{ status: 'FAIL', messageId: 'fullAdmin', resource: admin.arn, params: { policy: 'break-glass', attached: 'group ops, role app' } }],
  },
  {
    name: 'policies attached directly or inline to users warn',
    input: privileges(authorization({ users: [iamUser('alice', { attachedPolicies: [awsManagedRef('ReadOnlyAccess')], inlinePolicies: [{ name: 'extra', document: doc() }] }), iamUser('bob', { groups: ['ops'] })] })),
    expected: [{ status: 'WARN', messageId: 'userPolicies', resource: userArn('alice'), params: { policies: 'ReadOnlyAccess, extra (inline)' } }],
  },
  {
    name: 'an unattached admin policy and scoped attached ones pass, naming the unused-access analyzer',
    input: privileges(authorization({ policies: [admin, scoped] }), { roleRefs: [ref(scoped)], analyzers: analyzers(unusedAnalyzer) }),
    expected: [{ status: 'PASS', messageId: 'leastPrivilege', resource: `arn:aws:iam::${ACCOUNT}:root`, params: { count: 1, unused: `unused-access analyzer(s) unused (${REGION}, ACTIVE, 3 active finding(s))` } }],
  },
]);

describe('iam-policies-least-privilege unused-access evidence', () => {
  it('says when no unused-access analyzer exists and records unreadable regions', () => {
    const input = privileges(authorization());
    (input.data.analyzers as Record<string, unknown>)['us-east-1'] = failed();
    const [outcome] = check.evaluate({ ...input, regions: [REGION, 'us-east-1'] } as never);
    expect(outcome!.params?.unused).toBe('no unused-access analyzer in the regions scanned');
    expect(outcome!.evidence?.unusedAccess).toMatchObject({ unreadable: { 'us-east-1': 'AccessDeniedException' } });
  });
});
