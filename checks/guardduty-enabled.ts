import { guardDutyDetectors } from '../src/datasets/guardduty/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

export default defineCheck({
  id: 'guardduty-enabled',
  title: 'GuardDuty is enabled in every region',
  description:
    'Lists the GuardDuty detectors of each region in scope and reads each one: the region passes when its detector is ENABLED. ' +
    'A region without a detector, or with a suspended one, fails; a region whose detectors could not be read is an error, never a pass.',
  requirements: { 'smb-competency': ['SECOPS-007', 'SECOPS-008'] },
  severity: 'high',
  scope: 'region',
  uses: { detectors: guardDutyDetectors },
  remediation:
    'Enable GuardDuty in every region: GuardDuty console > Get started > Enable GuardDuty, or `aws guardduty create-detector --enable --region <region>`. ' +
    'In an organization, let the delegated administrator auto-enable it for all member accounts in each region.',
  docsUrl: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html',
  messages: {
    enabled: 'GuardDuty detector {detectorId} is enabled in {region}.',
    notEnabled: 'GuardDuty detector {detectorId} in {region} has status {status}, so it is not watching the account.',
    noDetector: 'GuardDuty has no detector in {region}: it is not enabled there.',
  },
  evaluate: (input) => {
    const { detectors } = input.data.detectors;
    if (detectors.length === 0) {
      return [{ status: 'FAIL', messageId: 'noDetector', resource: regionalArn(input, 'guardduty', 'detector'), params: { region: input.region } }];
    }
    return detectors.map((detector) => ({
      status: detector.status === 'ENABLED' ? 'PASS' : 'FAIL',
      messageId: detector.status === 'ENABLED' ? 'enabled' : 'notEnabled',
      resource: detector.arn,
      params: { region: input.region, detectorId: detector.detectorId, status: detector.status },
      evidence: { detector },
    }));
  },
});
