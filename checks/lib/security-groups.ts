// Security group rules that open remote administration to the internet, shared by the FTR
// NETSEC-001 check and the SMB OPE-001 check.

import type { SecurityGroupInfo, SecurityGroupRuleInfo } from '../../src/datasets/ec2/datasets.js';

const WORLD = new Set(['0.0.0.0/0', '::/0']);
/** SSH and RDP. */
export const ADMIN_PORTS = [22, 3389] as const;
/** Protocols whose rules carry a port range; IANA numbers 6 and 17 are TCP and UDP. */
const PORTED = new Set(['tcp', 'udp', '6', '17']);

export const isWorld = (rule: SecurityGroupRuleInfo) => WORLD.has(rule.cidrIpv4 ?? '') || WORLD.has(rule.cidrIpv6 ?? '');

/** `-1` (all traffic) opens every port of every protocol; a TCP or UDP range opens the ports it spans. */
function opensAdminPort(rule: SecurityGroupRuleInfo): boolean {
  if (rule.protocol === '-1') return true;
  if (!PORTED.has(rule.protocol)) return false;
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  return ADMIN_PORTS.some((port) => from <= port && port <= to);
}

/** Ingress rules from 0.0.0.0/0 or ::/0 that open SSH, RDP or all traffic. */
export function worldAdminRules(group: SecurityGroupInfo): SecurityGroupRuleInfo[] {
  return group.rules.filter((rule) => !rule.isEgress && isWorld(rule) && opensAdminPort(rule));
}

/** `tcp 22 from 0.0.0.0/0`, `all traffic from ::/0`. */
export function describeRule(rule: SecurityGroupRuleInfo): string {
  const source = rule.cidrIpv4 ?? rule.cidrIpv6 ?? rule.prefixListId ?? rule.referencedGroupId ?? 'unknown source';
  if (rule.protocol === '-1') return `all traffic from ${source}`;
  const ports = rule.fromPort === rule.toPort ? `${rule.fromPort}` : `${rule.fromPort}-${rule.toPort}`;
  return `${rule.protocol} ${ports} from ${source}`;
}

/** Every VPC has one security group named `default`, which cannot be deleted. */
export const isDefaultGroup = (group: SecurityGroupInfo) => group.name === 'default' && group.vpcId !== undefined;
