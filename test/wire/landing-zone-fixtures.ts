// The landing-zone part of the wire organization: a Control Tower style account with a Region deny
// control, an EU-only account whose us-east-1 is closed, a GuardDuty member whose administrator's
// rule filters on its own account, and a Security Hub "failed controls" rule.

import type { AccountSpec, RegionSpec } from '../fake-aws/index.js';
import type { RegionDenySpec } from '../fake-aws/region-deny.js';

export const LANDING_ZONE = '555555555555';
export const EU_ONLY = '666666666666';
export const GD_MEMBER = '777777777777';

const OPEN: RegionSpec = { optInStatus: 'opt-in-not-required' };

/** Config answers in closed regions (config:* is exempt): here it records nothing, which would FAIL if judged. */
const silentConfig: RegionSpec = { ...OPEN, config: { recorders: [], deliveryChannels: [], rules: [] } };

export function landingZoneAccounts(prodAccount: string): AccountSpec[] {
  return [
    {
      id: LANDING_ZONE,
      name: 'landing-zone-workload',
      supportPlan: 'business',
      regions: { 'us-east-1': OPEN, 'eu-west-1': { ...OPEN, guardDuty: { status: 'ENABLED' } }, 'ap-southeast-2': silentConfig },
    },
    {
      id: EU_ONLY,
      name: 'eu-only',
      supportPlan: 'business',
      regions: {
        'us-east-1': silentConfig,
        'eu-west-1': {
          ...OPEN,
          securityHub: { enabled: true },
          config: { recorders: [{ name: 'default', recording: true, lastStatus: 'Success' }], deliveryChannels: [{ name: 'default', s3BucketName: 'eu-config' }], rules: [{ name: 'encrypted-volumes' }] },
          eventBridge: {
            rules: [
              {
                name: 'failed-controls-to-tickets',
                pattern: { source: ['aws.securityhub'], 'detail-type': ['Security Hub Findings - Imported'], detail: { findings: { Compliance: { Status: ['FAILED'] } } } },
                targets: [{ id: 'tickets', arn: `arn:aws:sns:eu-west-1:${EU_ONLY}:tickets` }],
              },
            ],
          },
        },
      },
    },
    {
      id: GD_MEMBER,
      name: 'gd-member',
      supportPlan: 'business',
      regions: { 'us-east-1': OPEN, 'eu-west-1': { ...OPEN, guardDuty: { status: 'ENABLED', administrator: { accountId: prodAccount } } } },
    },
  ];
}

/** Control Tower governs us-east-1 and eu-west-1 for the workload; the EU-only landing zone governs eu-west-1 alone. */
export const LANDING_ZONE_SCPS: RegionDenySpec[] = [
  { accountId: LANDING_ZONE, allowedRegions: ['us-east-1', 'eu-west-1'] },
  { accountId: EU_ONLY, allowedRegions: ['eu-west-1'] },
];

/** The GuardDuty administrator routes only findings about itself: `detail.accountId` is its own account. */
export function ownFindingsOnlyRule(adminAccount: string) {
  return {
    name: 'own-guardduty-findings',
    pattern: { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'], detail: { accountId: [adminAccount] } },
    targets: [{ id: 'soc', arn: `arn:aws:sns:eu-west-1:${adminAccount}:soc` }],
  };
}
