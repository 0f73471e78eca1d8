import { accountSummary, credentialReport, organizationsFeatures } from '../src/datasets/iam/datasets.js';
import type { OrganizationsFeaturesEvidence } from '../src/datasets/iam/datasets.js';
import { defineCheck, type DatasetView } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';
import { daysSince } from './lib/time.js';

/** Whether the organization manages member root credentials centrally, in words, for the evidence. */
function centralRootAccess(view: DatasetView<OrganizationsFeaturesEvidence>): string {
  if (!view.ok) return `centralized root access could not be read (${view.error.code})`;
  const { enabledFeatures, refusal } = view.data;
  if (refusal) return `centralized root access could not be read from the scanning account (${refusal.code})`;
  if (enabledFeatures?.includes('RootCredentialsManagement')) return `the organization manages member root credentials centrally (${enabledFeatures.join(', ')})`;
  return 'the organization does not manage member root credentials centrally';
}

export default defineCheck({
  id: 'iam-root-credentials-locked',
  title: 'The root user is used only by exception, its credentials locked away',
  description:
    'Reads IAM GetAccountSummary (AccountPasswordPresent, AccountMFAEnabled) and the root row of the credential report, whose ' +
    'password_last_used is the only root column it fills. No root password passes: nothing to lock away; the evidence says whether the ' +
    'organization manages member root credentials centrally (IAM ListOrganizationsFeatures, readable only from the management account ' +
    'or an IAM delegated administrator). A password without MFA fails. A password with MFA used within settings.ftr.rootUseWindowDays ' +
    'warns with the date, so the partner attests it was a task only root can do; not used within the window passes. That root is used ' +
    'only for such tasks is attested.',
  requirements: { 'ftr-partner-hosted': ['ARC-001'] },
  severity: 'critical',
  scope: 'account',
  uses: { summary: accountSummary, report: credentialReport },
  optionalUses: { features: organizationsFeatures },
  remediation:
    'Give root a hardware or passkey MFA device and keep it where few can reach it; in an organization, enable centralized root access ' +
    '(IAM > Root access management) and delete member accounts\' root passwords, using root sessions from the management account for the ' +
    'tasks that need root.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html',
  messages: {
    noPassword: 'The root user has no password: nothing to lock away ({central}).',
    noMfa: 'The root user has a password and no MFA device, so its credentials are not locked away.',
    usedRecently: 'The root password was last used on {lastUsed}, within {days} days: attest it was a task only root can do.',
    lockedAway: 'Root sign-in is protected by MFA and the root password was not used within {days} days (last use: {lastUsed}).',
    passwordUnknown: 'IAM\'s account summary does not say whether root has a password, and root has no MFA, so this could not be judged.',
    rootMissing: 'The credential report of {generatedAt} has no root row, so root use could not be judged.',
  },
  evaluate: (input) => {
    const { summary, report } = input.data;
    const root = report.entries.find((entry) => entry.isRoot);
    const resource = root?.arn ?? accountArn(input);
    const days = input.settings.ftr.rootUseWindowDays;
    const central = centralRootAccess(input.optional.features);
    const lastUsed = root?.passwordLastUsed;
    const evidence = { summary, passwordLastUsed: lastUsed, reportGeneratedAt: report.generatedAt, rootUseWindowDays: days, centralRootAccess: central };
    if (!root) return [{ status: 'ERROR', messageId: 'rootMissing', resource, params: { generatedAt: report.generatedAt }, evidence }];
    if (summary.rootPasswordPresent === false) return [{ status: 'PASS', messageId: 'noPassword', resource, params: { central }, evidence }];
    if (!summary.rootMfaEnabled) {
      const messageId = summary.rootPasswordPresent ? 'noMfa' : 'passwordUnknown';
      return [{ status: summary.rootPasswordPresent ? 'FAIL' : 'ERROR', messageId, resource, evidence }];
    }
    if (lastUsed && daysSince(input.now, lastUsed) < days) return [{ status: 'WARN', messageId: 'usedRecently', resource, params: { lastUsed, days }, evidence }];
    return [{ status: 'PASS', messageId: 'lockedAway', resource, params: { days, lastUsed: lastUsed ?? 'never' }, evidence }];
  },
});
