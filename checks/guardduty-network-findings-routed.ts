import { guardDutyRoutingCheck } from './lib/routing/guardduty.js';

export default guardDutyRoutingCheck({
  id: 'guardduty-network-findings-routed',
  title: 'GuardDuty findings on network anomalies reach the security tracker in every region',
  requirement: 'SECOPS-008',
  sample: 'guardduty:c2-activity',
  sampleLabel: 'severity 8 Backdoor:EC2/C&CActivity.B (Instance)',
  watches: 'anomalous network activity in VPCs',
});
