import { accessKeys, credentialReport, iamAuthorization } from '../src/datasets/iam/datasets.js';
import type { IamAuthorizationEvidence, IamUserDetail } from '../src/datasets/iam/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { currentActiveKeys, hasActiveKeyInReport } from './lib/access-keys.js';
import { accountArn } from './lib/arn.js';

const QUARANTINE_PREFIX = 'AWSCompromisedKeyQuarantine';

/** Quarantine policies AWS attached to the user, directly or (unusually) through a group. */
function quarantinePolicies(user: IamUserDetail, auth: IamAuthorizationEvidence): string[] {
  const groups = auth.groups.filter((g) => user.groups.includes(g.groupName));
  return [...user.attachedPolicies, ...groups.flatMap((g) => g.attachedPolicies)]
    .map((p) => p.name)
    .filter((name) => name.startsWith(QUARANTINE_PREFIX));
}

export default defineCheck({
  id: 'iam-quarantined-user-active-key',
  title: 'No user under an AWS quarantine policy still has an active access key',
  description:
    'Finds IAM users to which AWS attached an AWSCompromisedKeyQuarantine policy (a key of theirs was exposed) and checks, through the ' +
    'credential report and a ListAccessKeys re-read, whether they still have an active key. Needs no Support plan.',
  requirements: { 'smb-competency': ['IAM-005'] },
  severity: 'critical',
  scope: 'account',
  uses: { authorization: iamAuthorization, report: credentialReport, keys: accessKeys },
  remediation:
    'Treat the exposure as an incident: `aws iam update-access-key --user-name <user> --access-key-id <id> --status Inactive`, review CloudTrail for the key, ' +
    'rotate whatever it protected, then delete the key and detach the quarantine policy only after the review.',
  docsUrl: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSCompromisedKeyQuarantineV3.html',
  messages: {
    activeKey: 'User {user} is quarantined by AWS ({policies}) yet still has active access key(s) {keys}.',
    noActiveKey: 'User {user} is quarantined by AWS ({policies}) and has no active access key.',
    keysNotReRead: 'User {user} is quarantined by AWS ({policies}) and had an active key in the credential report, but its keys were not re-read, so it could not be judged.',
    noQuarantinedUsers: 'No IAM user has an AWSCompromisedKeyQuarantine policy attached.',
  },
  evaluate: (input) => {
    const { authorization, report, keys } = input.data;
    const quarantined = authorization.users
      .map((user) => ({ user, policies: quarantinePolicies(user, authorization) }))
      .filter((q) => q.policies.length > 0);
    if (quarantined.length === 0) return [{ status: 'PASS', messageId: 'noQuarantinedUsers', resource: accountArn(input) }];
    return quarantined.map(({ user, policies }) => {
      const params = { user: user.userName, policies: policies.join(', ') };
      const entry = report.entries.find((e) => e.user === user.userName);
      const base = { resource: user.arn, evidence: { policies, reportGeneratedAt: report.generatedAt, reportKeys: entry?.keys } };
      if (!entry || !hasActiveKeyInReport(entry)) return { ...base, status: 'PASS', messageId: 'noActiveKey', params };
      const active = keys.deletedUsers?.includes(user.userName) ? [] : currentActiveKeys(user.userName, keys);
      if (!active) return { ...base, status: 'ERROR', messageId: 'keysNotReRead', params };
      if (active.length === 0) return { ...base, status: 'PASS', messageId: 'noActiveKey', params };
      const keyIds = active.map((k) => k.accessKeyId).join(', ');
      return { ...base, evidence: { ...base.evidence, activeKeys: active }, status: 'FAIL', messageId: 'activeKey', params: { ...params, keys: keyIds } };
    });
  },
});
