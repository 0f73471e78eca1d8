import check from '../../checks/guardduty-runtime-monitoring-enabled.js';
import type { Ec2Instance } from '../../src/datasets/ec2/datasets.js';
import { runtimeCoverage } from '../helpers/fixtures/governance.js';
import { configRecorders, detector, guardDuty, recorder } from '../helpers/fixtures/security.js';
import { ACCOUNT, failed, input, ok, REGION } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

function instances(...states: string[]): { instances: Ec2Instance[] } {
  return { instances: states.map((state, i) => ({ instanceId: `i-${i}`, arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-${i}`, state })) };
}

const runtime = detector({ features: [{ name: 'RUNTIME_MONITORING', status: 'ENABLED', additional: [{ name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' }] }] });
const eksOnly = detector({ features: [{ name: 'EKS_RUNTIME_MONITORING', status: 'ENABLED', additional: [] }] });
const plain = detector({ features: [{ name: 'RUNTIME_MONITORING', status: 'DISABLED', additional: [] }] });
const DETECTOR = `arn:aws:guardduty:${REGION}:${ACCOUNT}:detector`;

runCheckCases(check, [
  {
    name: 'Runtime Monitoring on: PASS with its coverage',
    input: input({ data: { detectors: guardDuty(runtime), coverage: runtimeCoverage(3, 1), instances: instances('running', 'running', 'stopped') }, optional: { recorders: ok(configRecorders([recorder()])) } }),
    expected: [{ status: 'PASS', messageId: 'runtimeMonitoring', resource: runtime.arn, params: { healthy: 3, unhealthy: 1, instances: 2 } }],
  },
  {
    name: 'EKS Runtime Monitoring counts too',
    input: input({ data: { detectors: guardDuty(eksOnly), coverage: { coverage: [] }, instances: instances('running') }, optional: { recorders: failed() } }),
    expected: [{ status: 'PASS', messageId: 'runtimeMonitoring', resource: eksOnly.arn, params: { healthy: 0 } }],
  },
  {
    name: 'off, Config recording EC2 as supporting evidence: WARN attest',
    input: input({ data: { detectors: guardDuty(plain), coverage: { coverage: [] }, instances: instances('running') }, optional: { recorders: ok(configRecorders([recorder()])) } }),
    expected: [{ status: 'WARN', messageId: 'notSeen', resource: DETECTOR, params: { config: ' (AWS Config records instance configuration changes, supporting evidence)' } }],
  },
  {
    name: 'no detector, Config not recording EC2: WARN attest',
    input: input({ data: { detectors: guardDuty(), coverage: { coverage: [] }, instances: instances('running') }, optional: { recorders: ok(configRecorders([recorder({ allSupported: false, resourceTypes: ['AWS::S3::Bucket'] })])) } }),
    expected: [{ status: 'WARN', messageId: 'notSeen', resource: DETECTOR, params: { config: '' } }],
  },
  {
    name: 'no running instance: nothing to judge',
    input: input({ data: { detectors: guardDuty(runtime), coverage: { coverage: [] }, instances: instances('stopped') }, optional: { recorders: failed() } }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noCompute', resource: DETECTOR }],
  },
]);
