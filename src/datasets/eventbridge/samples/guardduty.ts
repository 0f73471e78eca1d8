// GuardDuty findings as EventBridge delivers them ("GuardDuty Finding"): the envelope of
// https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html with `detail`
// a single finding in the API's Finding shape (required fields per
// https://docs.aws.amazon.com/guardduty/latest/APIReference/API_Finding.html). Both sampled types are
// documented as severity High (7.0–8.9); 8 is our pick inside that band.

import type { EventIdentity } from './identity.js';
import { partitionOf } from './identity.js';

const DETECTOR = 'd4b040365221be2b54a6264dc9a4bc64';
const FINDING = '46ba0ac2845071e23ccdeb2ae03bfdea';
const SEEN = '2026-11-02T10:00:00.000Z';

export interface GuardDutyFindingShape {
  type: string;
  resource: Record<string, unknown>;
  action: Record<string, unknown>;
  resourceRole: 'TARGET' | 'ACTOR';
  title: string;
}

export const CREDENTIAL_EXFILTRATION: GuardDutyFindingShape = {
  type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS',
  resource: {
    resourceType: 'AccessKey',
    accessKeyDetails: { accessKeyId: 'ASIAEXAMPLESAMPLE001', principalId: 'AROAEXAMPLESAMPLE:i-0123456789abcdef0', userName: 'app-instance-role', userType: 'AssumedRole' },
  },
  action: {
    actionType: 'AWS_API_CALL',
    awsApiCallAction: { api: 'ListBuckets', serviceName: 's3.amazonaws.com', callerType: 'Remote IP', remoteIpDetails: { ipAddressV4: '198.51.100.7' } },
  },
  resourceRole: 'TARGET',
  title: 'Credentials for instance role app-instance-role used from external IP address 198.51.100.7.',
};

export const C2_ACTIVITY: GuardDutyFindingShape = {
  type: 'Backdoor:EC2/C&CActivity.B',
  resource: { resourceType: 'Instance', instanceDetails: { instanceId: 'i-0123456789abcdef0' } },
  action: {
    actionType: 'NETWORK_CONNECTION',
    networkConnectionAction: { connectionDirection: 'OUTBOUND', protocol: 'TCP', blocked: false, remoteIpDetails: { ipAddressV4: '203.0.113.9' } },
  },
  resourceRole: 'ACTOR',
  title: 'Command and Control server IP queried by EC2 instance i-0123456789abcdef0.',
};

export function guardDutyFindingArn(who: EventIdentity): string {
  return `arn:${partitionOf(who.region)}:guardduty:${who.region}:${who.subject}:detector/${DETECTOR}/finding/${FINDING}`;
}

/** The finding in the subject account, as the `detail` of its event. */
export function guardDutyDetail(shape: GuardDutyFindingShape, who: EventIdentity): Record<string, unknown> {
  return {
    schemaVersion: '2.0',
    accountId: who.subject,
    region: who.region,
    partition: partitionOf(who.region),
    id: FINDING,
    arn: guardDutyFindingArn(who),
    type: shape.type,
    resource: shape.resource,
    service: {
      serviceName: 'guardduty',
      detectorId: DETECTOR,
      action: shape.action,
      resourceRole: shape.resourceRole,
      additionalInfo: {},
      eventFirstSeen: SEEN,
      eventLastSeen: SEEN,
      archived: false,
      count: 1,
    },
    severity: 8,
    createdAt: SEEN,
    updatedAt: SEEN,
    title: shape.title,
    description: shape.title,
  };
}
