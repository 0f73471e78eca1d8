import { accessKeys, awsManagedPolicies, credentialReport, iamAuthorization } from '../src/datasets/iam/datasets.js';
import type {
  AccessKeyMetadata,
  AccessKeysEvidence,
  AwsManagedPoliciesEvidence,
  CredentialReportEntry,
  CredentialReportEvidence,
  IamAuthorizationEvidence,
} from '../src/datasets/iam/datasets.js';
import type { CheckSettings } from '../src/contract/settings.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { currentActiveKeys, hasActiveKeyInReport } from './lib/access-keys.js';
import { interactiveReason } from './lib/credential-report.js';
import { accountArn } from './lib/arn.js';
import { broadGrants, cidrProblems, ipRestrictingDenies, policiesOf, type BrokenIpDeny, type UserPolicies } from './lib/iam-policies.js';
import { DAY_MS, daysSince } from './lib/time.js';

const MESSAGES = {
  noUserKeys: 'No IAM user has an active access key (credential report of {generatedAt}).',
  interactiveUserKey:
    'User {user} ({why}) has {count} active access key(s): an interactive user key is allowed if kept on a device that person controls.',
  serviceUserFails: 'Service user {user} has active key(s) {keys} that break the rules for service keys: {failures}.',
  serviceUserServiceWildcard:
    'Service user {user} meets the rules for service keys (keys {keys}), but its grants are broad: {grants}. Scope them to specific actions.',
  serviceUserAttest:
    'Service user {user} meets the rules for service keys (keys {keys}, IP-restricted by {deny}); attest why an instance or task role is not feasible.',
  keysNoLongerActive: 'User {user} had an active key in the credential report of {generatedAt}, but ListAccessKeys now shows none active (or the user was deleted).',
  keysNotReRead: 'User {user} has an active key in the credential report, but its keys were not re-read with ListAccessKeys, so their age is unknown.',
  userDetailsMissing: 'User {user} has an active key, but its policies are missing from the authorization details, so it could not be judged.',
  policiesMissing: 'Service user {user} has an active key, but {missing} could not be read, so its permissions could not be judged.',
} as const;

type MessageId = keyof typeof MESSAGES;
type Data = { report: CredentialReportEvidence; authorization: IamAuthorizationEvidence; awsManaged: AwsManagedPoliciesEvidence; keys: AccessKeysEvidence };

function describeKeys(keys: AccessKeyMetadata[], now: Date): string {
  return keys.map((k) => `${k.accessKeyId} (${daysSince(now, k.createDate)} days old)`).join(', ');
}

const NO_DENY = "no Deny of all actions on all resources outside the partner's IP ranges (NotIpAddress on aws:SourceIp) applies to it";

function brokenFence(deny: BrokenIpDeny): string {
  const where = `${deny.source}${deny.sid ? ` (${deny.sid})` : ''}`;
  return `the IP-restricting Deny in ${where} does not bind calls from the internet: its condition ${deny.condition} is false for them`;
}

/** Every service-key rule the user breaks, in words; empty when all hold. */
function failures(keys: AccessKeyMetadata[], policies: UserPolicies, settings: CheckSettings, now: Date): { failed: string[]; deny?: string } {
  const maxDays = settings.iam.maxServiceKeyAgeDays;
  const failed = keys
    .filter((k) => now.getTime() - Date.parse(k.createDate) >= (maxDays + 1) * DAY_MS)
    .map((k) => `key ${k.accessKeyId} is ${daysSince(now, k.createDate)} days old (rotate at least every ${maxDays} days; 1 day of grace)`);
  const { fences, broken } = ipRestrictingDenies(policies.applied);
  const judged = fences.map((d) => ({ deny: d, problems: cidrProblems(d.cidrs, settings.iam.partnerCidrs) }));
  const valid = judged.find((j) => j.problems.length === 0);
  if (fences.length === 0) failed.push(...(broken.length > 0 ? broken.map(brokenFence) : [NO_DENY]));
  else if (!valid) failed.push(...judged.map((j) => `the IP-restricting Deny in ${j.deny.source} is too wide: ${j.problems.join(', ')}`));
  failed.push(...broadGrants(policies.applied).fail);
  return { failed, ...(valid && { deny: `${valid.deny.source} (${valid.deny.cidrs.join(', ')})` }) };
}

function judgeUser(entry: CredentialReportEntry, data: Data, settings: CheckSettings, now: Date): Outcome<MessageId> {
  const { user, arn: resource } = entry;
  const evidence = { reportGeneratedAt: data.report.generatedAt, reportKeys: entry.keys };
  const why = interactiveReason(entry, settings);
  if (why) {
    const count = entry.keys.filter((k) => k.active).length;
    return { resource, evidence, status: 'WARN', messageId: 'interactiveUserKey', params: { user, why, count } };
  }
  const keys = data.keys.deletedUsers?.includes(user) ? [] : currentActiveKeys(user, data.keys);
  if (!keys) return { resource, evidence, status: 'ERROR', messageId: 'keysNotReRead', params: { user } };
  const withKeys = { ...evidence, currentKeys: keys };
  if (keys.length === 0) {
    return { resource, evidence: withKeys, status: 'PASS', messageId: 'keysNoLongerActive', params: { user, generatedAt: data.report.generatedAt } };
  }
  const detail = data.authorization.users.find((u) => u.userName === user);
  if (!detail) return { resource, evidence: withKeys, status: 'ERROR', messageId: 'userDetailsMissing', params: { user } };
  const policies = policiesOf(detail, { auth: data.authorization, awsManaged: data.awsManaged });
  return judgeServiceUser(entry, keys, policies, { settings, now, evidence: withKeys });
}

function judgeServiceUser(
  entry: CredentialReportEntry,
  keys: AccessKeyMetadata[],
  policies: UserPolicies,
  context: { settings: CheckSettings; now: Date; evidence: Record<string, unknown> },
): Outcome<MessageId> {
  const resource = entry.arn;
  const user = entry.user;
  if (policies.missing.length > 0) {
    return { resource, evidence: context.evidence, status: 'ERROR', messageId: 'policiesMissing', params: { user, missing: policies.missing.join(', ') } };
  }
  const evidence = { ...context.evidence, policies: policies.applied.map((p) => p.source), ipDenies: ipRestrictingDenies(policies.applied) };
  const params = { user, keys: describeKeys(keys, context.now) };
  const { failed, deny } = failures(keys, policies, context.settings, context.now);
  if (failed.length > 0) return { resource, evidence, status: 'FAIL', messageId: 'serviceUserFails', params: { ...params, failures: failed.join('; ') } };
  const broad = broadGrants(policies.applied).warn;
  if (broad.length > 0) return { resource, evidence, status: 'WARN', messageId: 'serviceUserServiceWildcard', params: { ...params, grants: broad.join('; ') } };
  return { resource, evidence, status: 'WARN', messageId: 'serviceUserAttest', params: { ...params, deny: deny! } };
}

export default defineCheck({
  id: 'iam-service-user-access-keys',
  title: 'Only people hold static access keys; any service key is weekly, IP-locked and narrow',
  description:
    'Takes every IAM user with an active key from the credential report. A user with a console password, or listed in iam.interactiveUsers, ' +
    'warns: the key is allowed on a device that person controls. Any other user is a service user and fails unless every active key ' +
    '(its date re-read with ListAccessKeys) is younger than iam.maxServiceKeyAgeDays plus one day; a Deny of all actions on all resources ' +
    'outside the partner\'s IP ranges (NotIpAddress on aws:SourceIp, inline, attached, through a group or in the permissions boundary) applies, ' +
    'with ranges inside iam.partnerCidrs and none wider than /8 (IPv4, IPv4-mapped IPv6 included) or /32 (IPv6). Such a Deny may carry other ' +
    'conditions only when each is true for a call from the internet: on aws:SourceVpc, aws:SourceVpce or aws:VpcSourceIp, which such calls ' +
    'lack, a negated or IfExists operator, ForAllValues: or Null true (never ForAnyValue:, false on an absent key); or Bool aws:ViaAWSService ' +
    'false. Any other condition is named as the reason the Deny does not bind. Nothing may allow every action, use NotAction or ' +
    'NotResource, or attach IAMFullAccess (AdministratorAccess and PowerUserAccess fail by their documents). AWS-managed policies are judged ' +
    'by their default version\'s document, fetched once per scan, so AmazonS3FullAccess warns for s3:* on every resource. A service user ' +
    'that passes warns so the partner attests why no role is possible.',
  requirements: { 'smb-competency': ['IAM-002'] },
  severity: 'high',
  scope: 'account',
  uses: { report: credentialReport, authorization: iamAuthorization, awsManaged: awsManagedPolicies, keys: accessKeys },
  remediation:
    'Replace service user keys with an instance profile, ECS task role, IAM Roles Anywhere or a cross-account role. Where a key must stay: rotate it weekly ' +
    '(`aws iam create-access-key`, switch, `aws iam delete-access-key`), attach a Deny of "*" on "*" with a NotIpAddress aws:SourceIp condition listing your IP ranges, ' +
    'and scope its Allow statements to specific actions and resources.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-ip.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { report } = input.data;
    const holders = report.entries.filter((entry) => !entry.isRoot && hasActiveKeyInReport(entry));
    if (holders.length === 0) {
      const params = { generatedAt: report.generatedAt };
      return [{ status: 'PASS', messageId: 'noUserKeys', resource: accountArn(input), params, evidence: { reportGeneratedAt: report.generatedAt } }];
    }
    return holders.map((entry) => judgeUser(entry, input.data, input.settings, input.now));
  },
});
