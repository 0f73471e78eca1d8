import { defineCheck, type DatasetView } from '../src/contract/check.js';
import { configRecorders, type ConfigRecordersEvidence } from '../src/datasets/config/datasets.js';
import { ec2Instances } from '../src/datasets/ec2/datasets.js';
import { guardDutyDetectors, guardDutyRuntimeCoverage, runsRuntimeMonitoring } from '../src/datasets/guardduty/datasets.js';
import { regionalArn } from './lib/arn.js';

/** Config records EC2 instances: every supported type, or the instance type named. */
function configRecordsEc2(view: DatasetView<ConfigRecordersEvidence>): boolean {
  return view.ok && view.data.recorders.some((r) => r.recording && (r.allSupported || r.resourceTypes.includes('AWS::EC2::Instance')));
}

export default defineCheck({
  id: 'guardduty-runtime-monitoring-enabled',
  title: 'Changes on compute are detected by GuardDuty Runtime Monitoring',
  description:
    'In each region with running EC2 instances: GuardDuty Runtime Monitoring (the RUNTIME_MONITORING or EKS_RUNTIME_MONITORING ' +
    'protection plan) enabled on the detector passes, with its agent coverage (healthy and unhealthy resources); its agent watches ' +
    'processes and file changes and keeps its findings outside the instance. AWS Config recording EC2 instances is recorded as supporting ' +
    'evidence. File-integrity tools outside AWS are invisible here, so nothing seen warns "attest your file-integrity monitoring" and ' +
    'never fails. Container services are not judged by this check.',
  requirements: { 'smb-competency': ['SECOPS-001'] },
  severity: 'medium',
  scope: 'region',
  uses: { detectors: guardDutyDetectors, coverage: guardDutyRuntimeCoverage, instances: ec2Instances },
  optionalUses: { recorders: configRecorders },
  remediation:
    'Turn on GuardDuty Runtime Monitoring with automated agent management for EC2 (and ECS/EKS): `aws guardduty update-detector ' +
    '--detector-id <id> --features \'[{"Name":"RUNTIME_MONITORING","Status":"ENABLED","AdditionalConfiguration":[{"Name":"EC2_AGENT_MANAGEMENT","Status":"ENABLED"}]}]\'`.',
  docsUrl: 'https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html',
  messages: {
    runtimeMonitoring: 'GuardDuty Runtime Monitoring is on in {region}: {healthy} resource(s) covered by a healthy agent, {unhealthy} unhealthy, for {instances} running instance(s).',
    notSeen: 'No GuardDuty Runtime Monitoring in {region} for its {instances} running instance(s){config}; attest your file-integrity monitoring.',
    noCompute: 'No running EC2 instance in {region}.',
  },
  evaluate: (input) => {
    const running = input.data.instances.instances.filter((i) => i.state === 'running');
    const resource = regionalArn(input, 'guardduty', 'detector');
    if (running.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noCompute', resource, params: { region: input.region } }];
    const detector = input.data.detectors.detectors.find(runsRuntimeMonitoring);
    const configEc2 = configRecordsEc2(input.optional.recorders);
    const evidence = { detectors: input.data.detectors.detectors, coverage: input.data.coverage.coverage, configRecordsEc2: configEc2 };
    if (detector) {
      const coverage = input.data.coverage.coverage.find((c) => c.detectorId === detector.detectorId);
      const params = { region: input.region, healthy: coverage?.healthy ?? 0, unhealthy: coverage?.unhealthy ?? 0, instances: running.length };
      return [{ status: 'PASS', messageId: 'runtimeMonitoring', resource: detector.arn, params, evidence }];
    }
    const config = configEc2 ? ' (AWS Config records instance configuration changes, supporting evidence)' : '';
    return [{ status: 'WARN', messageId: 'notSeen', resource, params: { region: input.region, instances: running.length, config }, evidence }];
  },
});
