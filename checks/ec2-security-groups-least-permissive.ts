import { securityGroups } from '../src/datasets/ec2/datasets.js';
import type { SecurityGroupInfo } from '../src/datasets/ec2/datasets.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';
import { describeRule, isDefaultGroup, worldAdminRules } from './lib/security-groups.js';

const MESSAGES = {
  openToInternet: 'Security group {name} ({id}) opens remote administration to the internet: {rules}.',
  defaultGroupHasRules: 'Security group {name} ({id}) is the default group of {vpc} and has {count} rule(s); a default group must allow no traffic.',
  leastPermissive: 'Security group {name} ({id}) opens neither SSH nor RDP nor all traffic to the internet{defaultNote}.',
  noGroups: 'No security groups in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;

function judge(group: SecurityGroupInfo): Outcome<MessageId>[] {
  const base = { resource: group.arn, evidence: { group } };
  const params = { name: group.name, id: group.groupId };
  const open = worldAdminRules(group);
  const outcomes: Outcome<MessageId>[] = [];
  if (open.length > 0) {
    outcomes.push({ ...base, status: 'FAIL', messageId: 'openToInternet', params: { ...params, rules: open.map(describeRule).join('; ') } });
  }
  if (isDefaultGroup(group) && group.rules.length > 0) {
    outcomes.push({ ...base, status: 'FAIL', messageId: 'defaultGroupHasRules', params: { ...params, vpc: group.vpcId!, count: group.rules.length } });
  }
  if (outcomes.length > 0) return outcomes;
  const defaultNote = isDefaultGroup(group) ? ', and as its VPC\'s default group it has no rules' : '';
  return [{ ...base, status: 'PASS', messageId: 'leastPermissive', params: { ...params, defaultNote } }];
}

export default defineCheck({
  id: 'ec2-security-groups-least-permissive',
  title: 'No security group opens SSH or RDP to the internet, and default security groups allow no traffic',
  description:
    'Reads every security group rule of each region (EC2 DescribeSecurityGroupRules, with DescribeSecurityGroups for names and VPCs). A group ' +
    'fails when an inbound rule from 0.0.0.0/0 or ::/0 covers port 22 or 3389 over TCP or UDP, or allows all traffic (protocol -1), and ' +
    'a VPC\'s default group fails when it has any rule at all, inbound or outbound (Security Hub EC2.53, EC2.54 and EC2.2). Prefix lists and ' +
    'rules that reference other groups are not internet sources. Every other group passes.',
  requirements: { 'ftr-partner-hosted': ['NETSEC-001'] },
  severity: 'high',
  scope: 'region',
  uses: { groups: securityGroups },
  remediation:
    'Remove the open rule (`aws ec2 revoke-security-group-ingress --group-id <id> --security-group-rule-ids <rule-id>`) and reach instances ' +
    'through Systems Manager Session Manager or a VPN-restricted range instead. Empty each VPC\'s default group of its rules and give ' +
    'resources their own groups (`aws ec2 revoke-security-group-ingress` / `revoke-security-group-egress` on the default group).',
  docsUrl: 'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { groups } = input.data.groups;
    if (groups.length === 0) {
      return [{ status: 'NOT_APPLICABLE', messageId: 'noGroups', resource: regionalArn(input, 'ec2', 'security-group'), params: { region: input.region } }];
    }
    return groups.flatMap(judge);
  },
});
