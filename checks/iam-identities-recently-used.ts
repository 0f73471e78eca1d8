import { credentialReport, iamRoles } from '../src/datasets/iam/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';
import { consoleUsers } from './lib/credential-report.js';
import { daysSince } from './lib/time.js';

/** Roles AWS services create and delete with the feature that uses them; their life follows that service. */
const SERVICE_LINKED_PATH = '/aws-service-role/';

/** Unused for `days`: its last use (or, never used, its creation) is at least that old. */
function stale(now: Date, days: number, lastUsed: string | undefined, created: string | undefined): boolean {
  const since = lastUsed ?? created;
  return since === undefined || daysSince(now, since) >= days;
}

const lastUse = (date: string | undefined) => date ?? 'never';

export default defineCheck({
  id: 'iam-identities-recently-used',
  title: 'Console users and roles that are no longer used are removed',
  description:
    'Warns for each IAM user with a console password whose password was not used for settings.ftr.staleIdentityDays (credential report; ' +
    'a user never signed in counts from its creation), and for each role not used for settings.ftr.staleRoleDays (RoleLastUsed from IAM ' +
    'GetAccountAuthorizationDetails, which covers the last 400 days; a role never used counts from its creation). Service-linked roles ' +
    'follow the service that owns them and are left out. The joiner, mover and leaver process behind access is attested.',
  requirements: { 'ftr-partner-hosted': ['IAM-007'] },
  severity: 'medium',
  scope: 'account',
  uses: { report: credentialReport, roles: iamRoles },
  remediation:
    'Remove access that is no longer needed: delete the console password (`aws iam delete-login-profile`) or the user, and delete unused ' +
    'roles (`aws iam delete-role` after detaching their policies). Tie access to joiner, mover and leaver events in your identity provider.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
  messages: {
    staleUser: 'User {user} has a console password not used for {days} days or more (last used: {lastUsed}).',
    staleRole: 'Role {role} was not used for {days} days or more (last used: {lastUsed}).',
    allInUse: 'The {users} console user(s) used their password within {userDays} days and the {roles} role(s) were used within {roleDays} days.',
  },
  evaluate: (input) => {
    const { report, roles } = input.data;
    const { staleIdentityDays, staleRoleDays } = input.settings.ftr;
    const users = consoleUsers(report);
    const judgedRoles = roles.roles.filter((r) => !r.path.startsWith(SERVICE_LINKED_PATH));
    const evidence = { reportGeneratedAt: report.generatedAt, staleIdentityDays, staleRoleDays, serviceLinkedRolesLeftOut: roles.roles.length - judgedRoles.length };
    const staleUsers = users.filter((u) => stale(input.now, staleIdentityDays, u.passwordLastUsed, u.userCreationTime));
    const staleRoles = judgedRoles.filter((r) => stale(input.now, staleRoleDays, r.lastUsed, r.createDate));
    const outcomes = [
      ...staleUsers.map((u) => ({ status: 'WARN' as const, messageId: 'staleUser' as const, resource: u.arn, params: { user: u.user, days: staleIdentityDays, lastUsed: lastUse(u.passwordLastUsed) }, evidence })),
      ...staleRoles.map((r) => ({ status: 'WARN' as const, messageId: 'staleRole' as const, resource: r.arn, params: { role: r.roleName, days: staleRoleDays, lastUsed: lastUse(r.lastUsed) }, evidence })),
    ];
    if (outcomes.length > 0) return outcomes;
    const params = { users: users.length, userDays: staleIdentityDays, roles: judgedRoles.length, roleDays: staleRoleDays };
    return [{ status: 'PASS', messageId: 'allInUse', resource: accountArn(input), params, evidence }];
  },
});
