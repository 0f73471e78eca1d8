import { credentialReport, passwordPolicy, type PasswordPolicyEvidence } from '../src/datasets/iam/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';
import { consoleUsers } from './lib/credential-report.js';

/** CIS AWS Foundations 1.8 and 1.9 (Security Hub IAM.15 and IAM.16). */
const MIN_LENGTH = 14;
const MIN_REUSE_PREVENTION = 24;

/** Why the policy is weaker than required, in words; empty when it is strong enough. */
function weaknesses(policy: NonNullable<PasswordPolicyEvidence['policy']>): string[] {
  const length = policy.minimumPasswordLength ?? 0;
  const reuse = policy.passwordReusePrevention ?? 0;
  return [
    ...(length < MIN_LENGTH ? [`minimum length ${length || 'unset'} (needs ${MIN_LENGTH})`] : []),
    ...(reuse < MIN_REUSE_PREVENTION ? [`reuse prevention ${reuse || 'off'} (needs ${MIN_REUSE_PREVENTION})`] : []),
  ];
}

export default defineCheck({
  id: 'iam-password-policy-strong',
  title: 'The IAM password policy requires 14 characters and blocks reuse of the last 24 passwords',
  description:
    `Reads IAM GetAccountPasswordPolicy: a minimum length of ${MIN_LENGTH} or more and reuse prevention of ${MIN_REUSE_PREVENTION} ` +
    '(CIS 1.8 and 1.9) pass. No custom policy (NoSuchEntity, so AWS\'s default applies) or a weaker one fails when any IAM user has a ' +
    'console password in the credential report, and warns otherwise: no one signs in with an IAM password today, but set it anyway. ' +
    'How users are taught to avoid weak or reused passwords is shown separately.',
  requirements: { 'ftr-partner-hosted': ['IAM-003'] },
  severity: 'medium',
  scope: 'account',
  uses: { policy: passwordPolicy, report: credentialReport },
  remediation:
    `\`aws iam update-account-password-policy --minimum-password-length ${MIN_LENGTH} --password-reuse-prevention ${MIN_REUSE_PREVENTION} ` +
    '--require-symbols --require-numbers --require-uppercase-characters --require-lowercase-characters --allow-users-to-change-password`',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  messages: {
    strong: 'The password policy requires at least {length} characters and prevents reuse of the last {reuse} passwords.',
    noPolicy: 'The account has no custom password policy (AWS\'s default applies) and {count} IAM user(s) sign in with a password.',
    noPolicyNoConsoleUsers: 'The account has no custom password policy; no IAM user has a console password today, but set one anyway.',
    weak: 'The password policy is too weak ({weaknesses}) and {count} IAM user(s) sign in with a password.',
    weakNoConsoleUsers: 'The password policy is too weak ({weaknesses}); no IAM user has a console password today, but strengthen it anyway.',
  },
  evaluate: (input) => {
    const { policy } = input.data.policy;
    const count = consoleUsers(input.data.report).length;
    const resource = accountArn(input);
    const evidence = { policy: policy ?? 'none (NoSuchEntity)', consoleUsers: count, required: { minimumPasswordLength: MIN_LENGTH, passwordReusePrevention: MIN_REUSE_PREVENTION } };
    const status = count > 0 ? 'FAIL' : 'WARN';
    if (!policy) return [{ status, messageId: count > 0 ? 'noPolicy' : 'noPolicyNoConsoleUsers', resource, params: { count }, evidence }];
    const weak = weaknesses(policy);
    if (weak.length > 0) return [{ status, messageId: count > 0 ? 'weak' : 'weakNoConsoleUsers', resource, params: { count, weaknesses: weak.join(', ') }, evidence }];
    return [{ status: 'PASS', messageId: 'strong', resource, params: { length: policy.minimumPasswordLength!, reuse: policy.passwordReusePrevention! }, evidence }];
  },
});
