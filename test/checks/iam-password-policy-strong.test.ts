import check from '../../checks/iam-password-policy-strong.js';
import type { PasswordPolicyEvidence } from '../../src/datasets/iam/datasets.js';
import { consoleUser, credentialReport, passwordPolicy, reportEntry, rootEntry } from '../helpers/fixtures/iam.js';
import { ACCOUNT, accountInput } from '../helpers/input.js';
import { runCheckCases, type CheckCase } from '../helpers/run-check-cases.js';

const account = `arn:aws:iam::${ACCOUNT}:root`;

function policy(evidence: PasswordPolicyEvidence, withConsoleUsers: boolean): CheckCase['input'] {
  const users = withConsoleUsers ? [consoleUser('alice'), consoleUser('bob')] : [reportEntry('ci')];
  return accountInput({ data: { policy: evidence, report: credentialReport(rootEntry(), ...users) } });
}

runCheckCases(check, [
  {
    name: 'length 14 and reuse prevention 24 pass',
    input: policy(passwordPolicy(14, 24), true),
    expected: [{ status: 'PASS', messageId: 'strong', resource: account, params: { length: 14, reuse: 24 } }],
  },
  {
    name: 'no custom policy fails when users sign in with a password',
    input: policy({}, true),
    expected: [{ status: 'FAIL', messageId: 'noPolicy', resource: account, params: { count: 2 } }],
  },
  {
    name: 'no custom policy and no console users warns',
    input: policy({}, false),
    expected: [{ status: 'WARN', messageId: 'noPolicyNoConsoleUsers', resource: account }],
  },
  {
    name: 'a weaker policy fails, naming each shortfall',
    input: policy(passwordPolicy(8), true),
    expected: [{ status: 'FAIL', messageId: 'weak', resource: account, params: { weaknesses: 'minimum length 8 (needs 14), reuse prevention off (needs 24)' } }],
  },
  {
    name: 'a weaker policy and no console users warns',
    input: policy(passwordPolicy(16, 5), false),
    expected: [{ status: 'WARN', messageId: 'weakNoConsoleUsers', resource: account, params: { weaknesses: 'reuse prevention 5 (needs 24)' } }],
  },
]);
