import check from '../../checks/config-recorder-recording.js';
import { configRecorders, recorder, serviceLinkedRecorder } from '../helpers/fixtures/security.js';
import { ACCOUNT, input, REGION } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const own = recorder();
const regionRecorder = `arn:aws:config:${REGION}:${ACCOUNT}:configuration-recorder`;

runCheckCases(check, [
  {
    name: 'a recording recorder with a successful last status passes',
    input: input({ data: { recorders: configRecorders([own]) } }),
    expected: [{ status: 'PASS', messageId: 'recording', resource: own.arn!, params: { name: 'default', lastStatus: 'SUCCESS' } }],
  },
  {
    name: 'last status NotApplicable is not a failure',
    input: input({ data: { recorders: configRecorders([recorder({ lastStatus: 'NotApplicable' })]) } }),
    expected: [{ status: 'PASS', messageId: 'recording', resource: own.arn! }],
  },
  {
    name: 'a stopped recorder fails',
    input: input({ data: { recorders: configRecorders([recorder({ recording: false })]) } }),
    expected: [{ status: 'FAIL', messageId: 'stopped', resource: own.arn! }],
  },
  {
    name: 'last status Failure fails, whatever its case',
    input: input({ data: { recorders: configRecorders([recorder({ lastStatus: 'Failure' })]) } }),
    expected: [{ status: 'FAIL', messageId: 'lastFailed', resource: own.arn!, params: { lastStatus: 'Failure' } }],
  },
  {
    name: 'a recorder without an ARN gets one built from its name',
    input: input({ data: { recorders: configRecorders([recorder({ arn: undefined })]) } }),
    expected: [{ status: 'PASS', messageId: 'recording', resource: `${regionRecorder}/default` }],
  },
  {
    name: 'only a service-linked recorder: fails and says it does not count',
    input: input({ data: { recorders: configRecorders([serviceLinkedRecorder()]) } }),
    expected: [{
      status: 'FAIL',
      messageId: 'noRecorder',
      resource: regionRecorder,
      params: { serviceLinkedNote: ' (service-linked recorders AWSConfigurationRecorderForSecurityHub do not count)' },
    }],
  },
  {
    name: 'no recorder at all fails',
    input: input({ data: { recorders: configRecorders([]) } }),
    expected: [{ status: 'FAIL', messageId: 'noRecorder', resource: regionRecorder, params: { serviceLinkedNote: '' } }],
  },
]);
