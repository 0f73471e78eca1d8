// A region-deny service control policy, as Control Tower's landing-zone Region deny control writes it:
// every action outside the allowed regions is denied except the NotAction list, which exempts global
// services and a few reads (https://docs.aws.amazon.com/controltower/latest/controlreference/primary-region-deny-policy.html).

export interface RegionDenySpec {
  accountId: string;
  /** The regions the policy allows (Control Tower's governed regions; the home region always among them). */
  allowedRegions: string[];
  /** The policy's NotAction; default: the Control Tower landing-zone control's list. */
  exempt?: string[];
}

/** Control Tower's NotAction list (landing-zone Region deny control). */
export const CONTROL_TOWER_EXEMPT = [
  'a4b:*', 'access-analyzer:*', 'account:*', 'acm:*', 'activate:*', 'artifact:*', 'aws-marketplace-management:*', 'aws-marketplace:*',
  'aws-portal:*', 'billing:*', 'billingconductor:*', 'budgets:*', 'ce:*', 'chatbot:*', 'chime:*', 'cloudfront:*', 'cloudtrail:LookupEvents',
  'compute-optimizer:*', 'config:*', 'consoleapp:*', 'consolidatedbilling:*', 'cur:*', 'datapipeline:GetAccountLimits', 'devicefarm:*',
  'directconnect:*', 'ec2:DescribeRegions', 'ec2:DescribeTransitGateways', 'ec2:DescribeVpnGateways', 'ecr-public:*', 'fms:*', 'freetier:*',
  'globalaccelerator:*', 'health:*', 'iam:*', 'importexport:*', 'invoicing:*', 'iq:*', 'kms:*', 'license-manager:ListReceivedLicenses',
  'lightsail:Get*', 'mobileanalytics:*', 'networkmanager:*', 'notifications-contacts:*', 'notifications:*', 'organizations:*', 'payments:*',
  'pricing:*', 'quicksight:DescribeAccountSubscription', 'resource-explorer-2:*', 'route53-recovery-cluster:*',
  'route53-recovery-control-config:*', 'route53-recovery-readiness:*', 'route53:*', 'route53domains:*', 's3:GetAccountPublicAccessBlock',
  's3:GetBucketLocation', 's3:GetBucketPolicyStatus', 's3:GetBucketPublicAccessBlock', 's3:ListAllMyBuckets', 'savingsplans:*', 'shield:*',
  'sso:*', 'sts:*', 'support:*', 'supportapp:*', 'supportplans:*', 'sustainability:*', 'tag:GetResources', 'tax:*', 'trustedadvisor:*',
  'waf-regional:*', 'waf:*', 'wafv2:*',
];

function exempted(patterns: readonly string[], action: string): boolean {
  return patterns.some((p) => (p.endsWith('*') ? action.startsWith(p.slice(0, -1)) : p === action));
}

/** True when a region-deny policy on the account denies the action in the region. */
export function deniedByRegion(specs: readonly RegionDenySpec[] | undefined, site: { action: string; accountId: string; region: string }): boolean {
  return (specs ?? []).some(
    (spec) => spec.accountId === site.accountId && !spec.allowedRegions.includes(site.region) && !exempted(spec.exempt ?? CONTROL_TOWER_EXEMPT, site.action),
  );
}
