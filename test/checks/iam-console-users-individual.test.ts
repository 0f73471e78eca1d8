import check from '../../checks/iam-console-users-individual.js';
import type { CredentialReportEntry } from '../../src/datasets/iam/datasets.js';
import { consoleUser, credentialReport, reportEntry, rootEntry, userArn } from '../helpers/fixtures/iam.js';
import { ACCOUNT, accountInput } from '../helpers/input.js';
import { runCheckCases, type CheckCase } from '../helpers/run-check-cases.js';

const account = `arn:aws:iam::${ACCOUNT}:root`;

function users(...entries: CredentialReportEntry[]): CheckCase['input'] {
  return accountInput({ data: { report: credentialReport(rootEntry(), ...entries) } });
}

runCheckCases(check, [
  {
    name: 'names made only of generic words warn, digits and separators aside; people\'s names pass',
    input: users(consoleUser('admin'), consoleUser('user01'), consoleUser('dev-team'), consoleUser('ops@example.com'), consoleUser('alice-admin'), consoleUser('maria.garcia'), reportEntry('shared')),
    expected: ['admin', 'user01', 'dev-team', 'ops@example.com'].map((user) => ({ status: 'WARN' as const, messageId: 'sharedName', resource: userArn(user), params: { user } })),
  },
  {
    name: 'console users with individual names pass, listed',
    input: users(consoleUser('alice-admin'), consoleUser('maria.garcia')),
    expected: [{ status: 'PASS', messageId: 'individualNames', resource: account, params: { count: 2, users: 'alice-admin, maria.garcia' } }],
  },
  {
    name: 'no console user passes (service users are not judged)',
    input: users(reportEntry('test')),
    expected: [{ status: 'PASS', messageId: 'noConsoleUsers', resource: account }],
  },
]);
