import { autoScalingGroups } from '../src/datasets/autoscaling/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  singleZone: 'Auto Scaling group {name} places instances in {zones} only: attest that the SLA allows an Availability Zone outage.',
  multiZone: 'Auto Scaling group {name} places instances in {zones}.',
  noGroups: 'No Auto Scaling groups in {region}.',
} as const;

export default defineCheck({
  id: 'autoscaling-groups-multi-az',
  title: 'Auto Scaling groups span Availability Zones as the uptime target requires',
  description:
    'Reads the Auto Scaling groups of each region and the Availability Zones each may launch instances in. A group limited to one zone ' +
    'warns: whether the uptime target tolerates losing that zone is attested with the SLA. Groups in two or more zones pass.',
  requirements: { 'ftr-partner-hosted': ['RES-006'] },
  severity: 'medium',
  scope: 'region',
  uses: { groups: autoScalingGroups },
  remediation:
    'Give the group subnets in at least two Availability Zones: `aws autoscaling update-auto-scaling-group --auto-scaling-group-name <name> ' +
    '--vpc-zone-identifier "<subnet-a>,<subnet-b>"`.',
  docsUrl: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { groups } = input.data.groups;
    if (groups.length === 0) {
      return [{ status: 'NOT_APPLICABLE', messageId: 'noGroups', resource: regionalArn(input, 'autoscaling', 'autoScalingGroup'), params: { region: input.region } }];
    }
    return groups.map((group) => {
      const single = new Set(group.availabilityZones).size < 2;
      return {
        status: single ? 'WARN' : 'PASS',
        messageId: single ? 'singleZone' : 'multiZone',
        resource: group.arn,
        params: { name: group.name, zones: group.availabilityZones.join(', ') || 'no zone' },
        evidence: { group },
      };
    });
  },
});
