import check from '../../checks/ec2-imdsv2-required.js';
import { instance } from '../helpers/fixtures/compute.js';
import { ACCOUNT, input, REGION } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const arn = (id: string) => `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/${id}`;
const instances = (...list: ReturnType<typeof instance>[]) => ({ instances: { instances: list } });

runCheckCases(check, [
  {
    name: 'tokens required passes',
    input: input({ data: instances(instance({ instanceId: 'i-1' })) }),
    expected: [{ status: 'PASS', messageId: 'tokensRequired', resource: arn('i-1') }],
  },
  {
    name: 'tokens optional fails, stopped instances included',
    input: input({ data: instances(instance({ instanceId: 'i-2', httpTokens: 'optional', state: 'stopped' })) }),
    expected: [{ status: 'FAIL', messageId: 'tokensOptional', resource: arn('i-2'), params: { tokens: 'optional', state: 'stopped' } }],
  },
  {
    name: 'endpoint disabled passes even with optional tokens',
    input: input({ data: instances(instance({ instanceId: 'i-3', httpTokens: 'optional', httpEndpoint: 'disabled' })) }),
    expected: [{ status: 'PASS', messageId: 'endpointDisabled', resource: arn('i-3') }],
  },
  {
    name: 'metadata options not reported: ERROR, not a guess',
    input: input({ data: instances(instance({ instanceId: 'i-4', httpTokens: undefined, httpEndpoint: undefined })) }),
    expected: [{ status: 'ERROR', messageId: 'optionsMissing', resource: arn('i-4') }],
  },
  {
    name: 'terminated and shutting-down instances are ignored; pending and stopping are judged',
    input: input({
      data: instances(
        instance({ instanceId: 'i-5', state: 'terminated', httpTokens: 'optional' }),
        instance({ instanceId: 'i-6', state: 'shutting-down', httpTokens: 'optional' }),
        instance({ instanceId: 'i-7', state: 'pending', httpTokens: 'optional' }),
        instance({ instanceId: 'i-8', state: 'stopping' }),
      ),
    }),
    expected: [
      { status: 'FAIL', messageId: 'tokensOptional', resource: arn('i-7') },
      { status: 'PASS', messageId: 'tokensRequired', resource: arn('i-8') },
    ],
  },
  {
    name: 'only terminated instances: not applicable',
    input: input({ data: instances(instance({ state: 'terminated' })) }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noInstances', resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance` }],
  },
]);
