// Whether a web ACL protects against common exploits: it runs, in block mode, one of AWS's managed
// rule groups for them or a rule group sold on the AWS Marketplace (a vendor other than AWS),
// Firewall Manager's pre- and post-process groups included.
// https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html

import type { WafRuleGroupUse, WebAcl } from '../../src/datasets/wafv2/datasets.js';

const AWS_EXPLOIT_GROUPS = new Set(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesSQLiRuleSet']);

function guardsExploits(group: WafRuleGroupUse): boolean {
  if (group.countOnly || !group.vendor) return false;
  return group.vendor === 'AWS' ? AWS_EXPLOIT_GROUPS.has(group.managedName ?? '') : true;
}

/** The rule groups of the web ACL that block common exploits, by name. */
export function exploitProtection(acl: WebAcl): string[] {
  return acl.ruleGroups.filter(guardsExploits).map((g) => (g.vendor === 'AWS' ? g.managedName! : `${g.vendor}/${g.managedName ?? g.name}`));
}
