import check from '../../checks/guardduty-enabled.js';
import { detector, guardDuty } from '../helpers/fixtures/security.js';
import { ACCOUNT, input, REGION } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const enabled = detector();

runCheckCases(check, [
  {
    name: 'an enabled detector passes',
    input: input({ data: { detectors: guardDuty(enabled) } }),
    expected: [{ status: 'PASS', messageId: 'enabled', resource: enabled.arn, params: { detectorId: enabled.detectorId } }],
  },
  {
    name: 'a suspended detector fails',
    input: input({ data: { detectors: guardDuty(detector({ status: 'DISABLED' })) } }),
    expected: [{ status: 'FAIL', messageId: 'notEnabled', resource: enabled.arn, params: { status: 'DISABLED' } }],
  },
  {
    name: 'no detector fails on the region-level detector ARN',
    input: input({ data: { detectors: guardDuty() } }),
    expected: [{ status: 'FAIL', messageId: 'noDetector', resource: `arn:aws:guardduty:${REGION}:${ACCOUNT}:detector` }],
  },
]);
