import { accessAnalyzers } from '../src/datasets/accessanalyzer/datasets.js';
import { iamAuthorization, iamRoles, type IamAuthorizationEvidence, type IamRolesEvidence } from '../src/datasets/iam/datasets.js';
import type { PolicyStatement } from '../src/datasets/policy-types.js';
import { defineCheck } from '../src/contract/check.js';
import { unusedAccess } from './lib/access-analyzer.js';
import { accountArn } from './lib/arn.js';

const EVERY_ACTION = new Set(['*', '*:*']);

/** Security Hub IAM.1: an Allow of every action on every resource. */
function allowsEverything(statement: PolicyStatement): boolean {
  return statement.effect === 'Allow' && (statement.action ?? []).some((a) => EVERY_ACTION.has(a)) && (statement.resource ?? []).includes('*');
}

/** Where each managed policy is attached: policy ARN → `user X`, `group G`, `role R`. */
function attachments(auth: IamAuthorizationEvidence, roles: IamRolesEvidence): Map<string, string[]> {
  const byPolicy = new Map<string, string[]>();
  const add = (arn: string, where: string) => byPolicy.set(arn, [...(byPolicy.get(arn) ?? []), where]);
  auth.users.forEach((u) => u.attachedPolicies.forEach((p) => add(p.arn, `user ${u.userName}`)));
  auth.groups.forEach((g) => g.attachedPolicies.forEach((p) => add(p.arn, `group ${g.groupName}`)));
  roles.roles.forEach((r) => r.attachedPolicies.forEach((p) => add(p.arn, `role ${r.roleName}`)));
  return byPolicy;
}

export default defineCheck({
  id: 'iam-policies-least-privilege',
  title: 'No attached customer-managed policy grants full administrator access, and no user holds policies of its own',
  description:
    'Reads the customer-managed policies with their default versions, and the users, groups and roles they are attached to (IAM ' +
    'GetAccountAuthorizationDetails). A customer-managed policy attached to anything that allows every action (`*`) on every resource ' +
    'fails (Security Hub IAM.1). Each user with policies attached directly or inline warns (IAM.2): grant through groups or roles. IAM ' +
    'Access Analyzer unused-access analyzers and their active findings are evidence. How permissions are scoped and reviewed is attested.',
  requirements: { 'ftr-partner-hosted': ['IAM-006'] },
  severity: 'high',
  scope: 'account',
  uses: { authorization: iamAuthorization, roles: iamRoles, analyzers: accessAnalyzers },
  remediation:
    'Replace the `"Action": "*", "Resource": "*"` statement with the actions and resources the principals need (IAM Access Analyzer policy ' +
    'generation helps), and move user policies to groups: attach the policy to a group, add the user, detach it from the user.',
  docsUrl: 'https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1',
  messages: {
    fullAdmin: 'Customer-managed policy {policy} allows every action on every resource and is attached to {attached}.',
    userPolicies: 'User {user} has policies of its own ({policies}) instead of getting them through a group or role.',
    leastPrivilege: 'None of the {count} attached customer-managed policies allows every action on every resource, and no user holds policies of its own; {unused}.',
  },
  evaluate: (input) => {
    const { authorization, roles, analyzers } = input.data;
    const unused = unusedAccess(analyzers);
    const attached = attachments(authorization, roles);
    const customer = authorization.policies.filter((p) => !p.awsManaged && attached.has(p.arn));
    const admin = customer.filter((p) => p.document?.statements.some(allowsEverything));
    const evidence = { unusedAccess: unused };
    const fails = admin.map((p) => ({
      status: 'FAIL' as const,
      messageId: 'fullAdmin' as const,
      resource: p.arn,
      params: { policy: p.name, attached: attached.get(p.arn)!.join(', ') },
      evidence: { ...evidence, statements: p.document!.statements.filter(allowsEverything) },
    }));
    const warns = authorization.users
      .map((u) => ({ user: u, policies: [...u.attachedPolicies.map((p) => p.name), ...u.inlinePolicies.map((p) => `${p.name} (inline)`)] }))
      .filter(({ policies }) => policies.length > 0)
      .map(({ user, policies }) => ({ status: 'WARN' as const, messageId: 'userPolicies' as const, resource: user.arn, params: { user: user.userName, policies: policies.join(', ') }, evidence }));
    if (fails.length + warns.length > 0) return [...fails, ...warns];
    return [{ status: 'PASS', messageId: 'leastPrivilege', resource: accountArn(input), params: { count: customer.length, unused: unused.summary }, evidence }];
  },
});
