import check from '../../checks/iam-identities-recently-used.js';
import type { CredentialReportEntry, IamRoleDetail } from '../../src/datasets/iam/datasets.js';
import { consoleUser, credentialReport, reportEntry, role, roleArn, roles, rootEntry, userArn } from '../helpers/fixtures/iam.js';
import { ACCOUNT, accountInput, settings } from '../helpers/input.js';
import { runCheckCases, type CheckCase } from '../helpers/run-check-cases.js';

const RECENT = '2026-11-01T00:00:00.000Z';
const FOUR_MONTHS_AGO = '2026-07-20T00:00:00.000Z'; // 126 days before NOW
const A_YEAR_AGO = '2025-11-01T00:00:00.000Z';

function lifecycle(users: CredentialReportEntry[], roleList: IamRoleDetail[], options: Partial<CheckCase['input']> = {}): CheckCase['input'] {
  return accountInput({ data: { report: credentialReport(rootEntry(), ...users), roles: roles(...roleList) }, ...options });
}

runCheckCases(check, [
  {
    name: 'console users idle for 90 days and roles idle for 180 days warn, each listed',
    input: lifecycle(
      [consoleUser('idle', { passwordLastUsed: FOUR_MONTHS_AGO }), consoleUser('never', { userCreationTime: A_YEAR_AGO }), consoleUser('active', { passwordLastUsed: RECENT }), reportEntry('ci')],
      [role('old', { lastUsed: A_YEAR_AGO }), role('unused', { lastUsed: undefined, createDate: A_YEAR_AGO }), role('fresh', { lastUsed: undefined, createDate: RECENT }), role('busy')],
    ),
    expected: [
      { status: 'WARN', messageId: 'staleUser', resource: userArn('idle'), params: { user: 'idle', days: 90, lastUsed: FOUR_MONTHS_AGO } },
      { status: 'WARN', messageId: 'staleUser', resource: userArn('never'), params: { lastUsed: 'never' } },
      { status: 'WARN', messageId: 'staleRole', resource: roleArn('old'), params: { role: 'old', days: 180 } },
      { status: 'WARN', messageId: 'staleRole', resource: roleArn('unused'), params: { lastUsed: 'never' } },
    ],
  },
  {
    name: 'service-linked roles follow their service and are left out',
    input: lifecycle([], [role('AWSServiceRoleForSupport', { path: '/aws-service-role/support.amazonaws.com/', lastUsed: undefined, createDate: A_YEAR_AGO })]),
    expected: [{ status: 'PASS', messageId: 'allInUse', resource: `arn:aws:iam::${ACCOUNT}:root`, params: { users: 0, roles: 0 } }],
  },
  {
    name: 'the thresholds are settings',
    input: lifecycle([consoleUser('idle', { passwordLastUsed: FOUR_MONTHS_AGO })], [role('old', { lastUsed: A_YEAR_AGO })], { settings: settings({ ftr: { staleIdentityDays: 150, staleRoleDays: 400 } }) }),
    expected: [{ status: 'PASS', messageId: 'allInUse', resource: `arn:aws:iam::${ACCOUNT}:root`, params: { users: 1, userDays: 150, roles: 1, roleDays: 400 } }],
  },
]);
