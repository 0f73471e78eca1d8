// Every check, in the order reports list them. The meta test holds this list equal to the folder.
import type { AnyCheck } from '../src/contract/check.js';
import acmCertificatesAutoRenew from './acm-certificates-auto-renew.js';
import configGlobalResourcesRecorded from './config-global-resources-recorded.js';
import configNoncomplianceRouted from './config-noncompliance-routed.js';
import configRecorderRecording from './config-recorder-recording.js';
import configRulesActive from './config-rules-active.js';
import ec2Imdsv2Required from './ec2-imdsv2-required.js';
import ec2LaunchTemplateImdsv2 from './ec2-launch-template-imdsv2.js';
import guarddutyCredentialFindingsRouted from './guardduty-credential-findings-routed.js';
import guarddutyEnabled from './guardduty-enabled.js';
import guarddutyNetworkFindingsRouted from './guardduty-network-findings-routed.js';
import healthOpenRiskEvents from './health-open-risk-events.js';
import healthRiskEventsRouted from './health-risk-events-routed.js';
import iamQuarantinedUserActiveKey from './iam-quarantined-user-active-key.js';
import iamRootAccessKeyAbsent from './iam-root-access-key-absent.js';
import iamServerCertificatesAbsent from './iam-server-certificates-absent.js';
import iamServiceUserAccessKeys from './iam-service-user-access-keys.js';
import supportPlanBusinessOrHigher from './support-plan-business-or-higher.js';

export const ALL_CHECKS: AnyCheck[] = [
  supportPlanBusinessOrHigher,
  iamRootAccessKeyAbsent,
  iamServiceUserAccessKeys,
  healthRiskEventsRouted,
  healthOpenRiskEvents,
  iamQuarantinedUserActiveKey,
  guarddutyEnabled,
  guarddutyCredentialFindingsRouted,
  guarddutyNetworkFindingsRouted,
  configRecorderRecording,
  configRulesActive,
  configNoncomplianceRouted,
  configGlobalResourcesRecorded,
  acmCertificatesAutoRenew,
  iamServerCertificatesAbsent,
  ec2Imdsv2Required,
  ec2LaunchTemplateImdsv2,
];
