import check from '../../checks/ec2-ebs-encryption-by-default.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const RESOURCE = 'arn:aws:ec2:eu-west-1:111122223333:ebs-encryption-by-default';

runCheckCases(check, [
  {
    name: 'on: PASS',
    input: input({ data: { setting: { enabled: true, sseType: 'sse-kms' } } }),
    expected: [{ status: 'PASS', messageId: 'enabled', resource: RESOURCE, params: { type: 'sse-kms' } }],
  },
  {
    name: 'off: WARN',
    input: input({ data: { setting: { enabled: false } } }),
    expected: [{ status: 'WARN', messageId: 'disabled', resource: RESOURCE }],
  },
]);
