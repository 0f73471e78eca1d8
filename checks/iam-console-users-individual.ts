import { credentialReport } from '../src/datasets/iam/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';
import { consoleUsers } from './lib/credential-report.js';

/** Words that name a role, a team or a purpose rather than a person. */
const GENERIC_WORDS = new Set([
  'admin', 'administrator', 'admins', 'root', 'superuser', 'test', 'tester', 'testing', 'shared', 'share', 'team', 'group', 'ops', 'devops',
  'dev', 'developer', 'developers', 'support', 'helpdesk', 'guest', 'user', 'users', 'demo', 'temp', 'tmp', 'default', 'generic',
  'common', 'console', 'operator', 'operations', 'sysadmin', 'it', 'qa', 'staging', 'prod', 'production', 'aws', 'account', 'billing',
  'finance', 'security', 'audit', 'auditor', 'readonly', 'master', 'main', 'office', 'info', 'contact', 'service', 'web', 'login',
]);

/**
 * A name looks shared when every word of it (split on separators and digits, the domain of an email-style
 * name dropped) is generic: `admin`, `user01`, `dev-team`, `ops@example.com`; `alice-admin` names a person.
 */
function looksShared(userName: string): boolean {
  const local = userName.split('@')[0]!.toLowerCase();
  const words = local.split(/[^a-z]+/).filter(Boolean);
  return words.length > 0 && words.every((word) => GENERIC_WORDS.has(word));
}

export default defineCheck({
  id: 'iam-console-users-individual',
  title: 'IAM users who sign in to the console are individual people',
  description:
    'Takes the IAM users with a console password from the credential report and warns for each whose name looks shared: every word of ' +
    'it names a role, team or purpose (admin, administrator, root, test, shared, team, ops, dev, support, guest, user followed by ' +
    'digits, and similar), digits and separators aside. That no login is shared, so every action is attributable, is attested.',
  requirements: { 'ftr-partner-hosted': ['IAM-004'] },
  severity: 'medium',
  scope: 'account',
  uses: { report: credentialReport },
  remediation:
    'Give each person their own identity (IAM Identity Center users, or one IAM user each), move them off the shared login, then delete ' +
    'its console password (`aws iam delete-login-profile --user-name <user>`).',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#lock-away-credentials',
  messages: {
    sharedName: 'User {user} signs in to the console and its name looks like a shared login rather than one person\'s.',
    individualNames: '{count} IAM user(s) sign in to the console, none with a name that looks shared: {users}.',
    noConsoleUsers: 'No IAM user has a console password.',
  },
  evaluate: (input) => {
    const users = consoleUsers(input.data.report);
    const evidence = { reportGeneratedAt: input.data.report.generatedAt };
    if (users.length === 0) return [{ status: 'PASS', messageId: 'noConsoleUsers', resource: accountArn(input), evidence }];
    const shared = users.filter((u) => looksShared(u.user));
    if (shared.length > 0) return shared.map((u) => ({ status: 'WARN', messageId: 'sharedName', resource: u.arn, params: { user: u.user }, evidence }));
    const params = { count: users.length, users: users.map((u) => u.user).join(', ') };
    return [{ status: 'PASS', messageId: 'individualNames', resource: accountArn(input), params, evidence }];
  },
});
