// AWS WAF datasets: the web ACLs of a region (in us-east-1 also CloudFront's) with the rule groups
// they run, and the web ACL of each internet-facing Application Load Balancer. The collectors that
// fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';
import { elbv2LoadBalancers } from '../elbv2/datasets.js';

export interface WafRuleGroupUse {
  /** The rule's name in the web ACL. */
  name: string;
  /** Managed rule groups: their vendor (`AWS`, or a marketplace seller) and name, e.g. AWSManagedRulesCommonRuleSet. */
  vendor?: string;
  managedName?: string;
  /** Rule groups of the account, by ARN. */
  ruleGroupArn?: string;
  /** The whole group is overridden to count: it cannot block. */
  countOnly: boolean;
  /** Rules of the group overridden to count (RuleActionOverrides, or ExcludedRules before them). */
  rulesCounted: string[];
  /** Set by Firewall Manager, which runs these first (`pre`) or last (`post`). */
  firewallManager?: 'pre' | 'post';
}

export interface WebAcl {
  arn: string;
  name: string;
  /** REGIONAL, or CLOUDFRONT (listed in us-east-1). */
  scope: 'REGIONAL' | 'CLOUDFRONT';
  /** ALLOW or BLOCK: what happens to a request no rule matches. */
  defaultAction: string;
  ruleGroups: WafRuleGroupUse[];
}

export interface WafEvidence {
  webAcls: WebAcl[];
  /** Each internet-facing Application Load Balancer and the web ACL associated with it, if any. */
  loadBalancers: { arn: string; webAclArn?: string }[];
}

export const wafWebAcls = defineDataset<WafEvidence>({
  id: 'wafv2.webAcls',
  scope: 'regional',
  // GetWebACLForResource also calls GetWebACL on the caller's behalf.
  // https://docs.aws.amazon.com/waf/latest/APIReference/API_GetWebACLForResource.html
  actions: ['wafv2:ListWebACLs', 'wafv2:GetWebACL', 'wafv2:GetWebACLForResource'],
  dependsOn: [elbv2LoadBalancers],
});
