import check from '../../checks/iam-root-access-key-absent.js';
import { credentialReport, REPORT_TIME, reportEntry, ROOT_ARN, rootEntry } from '../helpers/fixtures/iam.js';
import { accountInput } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

runCheckCases(check, [
  {
    name: 'root without an active key passes, citing the report time',
    input: accountInput({ data: { report: credentialReport(rootEntry(0), reportEntry('deploy')) } }),
    expected: [{ status: 'PASS', messageId: 'noActiveKey', resource: ROOT_ARN, params: { generatedAt: REPORT_TIME } }],
  },
  {
    name: 'root with an active key fails',
    input: accountInput({ data: { report: credentialReport(rootEntry(1)) } }),
    expected: [{ status: 'FAIL', messageId: 'activeKey', resource: ROOT_ARN, params: { count: 1, slots: '1' } }],
  },
  {
    name: 'root with two active keys names both slots',
    input: accountInput({ data: { report: credentialReport(rootEntry(2)) } }),
    expected: [{ status: 'FAIL', messageId: 'activeKey', resource: ROOT_ARN, params: { count: 2, slots: '1, 2' } }],
  },
  {
    name: 'a report without a root row is an error, not a pass',
    input: accountInput({ data: { report: credentialReport(reportEntry('deploy')) } }),
    expected: [{ status: 'ERROR', messageId: 'rootMissing', resource: ROOT_ARN }],
  },
]);
