import { guardDutyRoutingCheck } from './lib/routing/guardduty.js';

export default guardDutyRoutingCheck({
  id: 'guardduty-credential-findings-routed',
  title: 'GuardDuty findings on credential misuse reach the security tracker in every region',
  requirement: 'SECOPS-007',
  sample: 'guardduty:credential-exfiltration',
  sampleLabel: 'severity 8 UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS (AccessKey)',
  watches: 'anomalous API activity seen in CloudTrail',
});
