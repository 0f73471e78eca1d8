import type * as SdkWafv2 from '@aws-sdk/client-wafv2';
import type { FirewallManagerRuleGroup, Rule, Scope, WebACL } from '@aws-sdk/client-wafv2';
import { defineCollector, type CollectContext } from '../../contract/collector.js';
import { elbv2LoadBalancers } from '../elbv2/datasets.js';
import { isErrorNamed, required } from '../sdk.js';
import { wafWebAcls, type WafEvidence, type WafRuleGroupUse, type WebAcl } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  GetWebACLCommand,
  GetWebACLForResourceCommand,
  ListWebACLsCommand,
  WAFV2Client,
} = sdkModule<typeof SdkWafv2>('@aws-sdk/client-wafv2');
type WAFV2Client = SdkWafv2.WAFV2Client;

type Statement = NonNullable<Rule['Statement']>;
type OverrideAction = Rule['OverrideAction'];

function ruleGroupUse(name: string, statement: Statement | undefined, override: OverrideAction, firewallManager?: 'pre' | 'post'): WafRuleGroupUse | undefined {
  const managed = statement?.ManagedRuleGroupStatement;
  const reference = statement?.RuleGroupReferenceStatement;
  const group = managed ?? reference;
  if (!group) return undefined;
  const counted = [
    ...(group.RuleActionOverrides ?? []).filter((o) => o.ActionToUse?.Count !== undefined).map((o) => o.Name),
    ...(group.ExcludedRules ?? []).map((r) => r.Name),
  ].flatMap((n) => (n ? [n] : []));
  return {
    name,
    ...(managed && { vendor: managed.VendorName, managedName: managed.Name }),
    ...(reference && { ruleGroupArn: reference.ARN }),
    countOnly: override?.Count !== undefined,
    rulesCounted: counted,
    ...(firewallManager && { firewallManager }),
  };
}

function firewallManagerUses(groups: FirewallManagerRuleGroup[] | undefined, phase: 'pre' | 'post'): WafRuleGroupUse[] {
  return (groups ?? []).flatMap((g) => ruleGroupUse(g.Name ?? '?', g.FirewallManagerStatement as Statement | undefined, g.OverrideAction, phase) ?? []);
}

function toWebAcl(acl: WebACL, scope: Scope): WebAcl {
  return {
    arn: required(acl.ARN, 'WebACL.ARN'),
    name: required(acl.Name, 'WebACL.Name'),
    scope,
    defaultAction: acl.DefaultAction?.Block ? 'BLOCK' : 'ALLOW',
    ruleGroups: [
      ...firewallManagerUses(acl.PreProcessFirewallManagerRuleGroups, 'pre'),
      ...(acl.Rules ?? []).flatMap((rule) => ruleGroupUse(rule.Name ?? '?', rule.Statement, rule.OverrideAction) ?? []),
      ...firewallManagerUses(acl.PostProcessFirewallManagerRuleGroups, 'post'),
    ],
  };
}

/** ListWebACLs has no paginator in the SDK: NextMarker by hand. */
async function webAclsOf(client: WAFV2Client, scope: Scope): Promise<WebAcl[]> {
  const acls: WebAcl[] = [];
  let NextMarker: string | undefined;
  do {
    const page = await client.send(new ListWebACLsCommand({ Scope: scope, NextMarker, Limit: 100 }));
    for (const summary of page.WebACLs ?? []) {
      const { WebACL: acl } = await client.send(new GetWebACLCommand({ ARN: required(summary.ARN, 'WebACLSummary.ARN') }));
      if (acl) acls.push(toWebAcl(acl, scope));
    }
    NextMarker = page.WebACLs?.length ? page.NextMarker : undefined;
  } while (NextMarker);
  return acls;
}

/** No web ACL: an empty answer, or WAFNonexistentItemException, which AWS also returns for an unprotected load balancer. */
async function webAclOfResource(client: WAFV2Client, arn: string): Promise<string | undefined> {
  try {
    return (await client.send(new GetWebACLForResourceCommand({ ResourceArn: arn }))).WebACL?.ARN;
  } catch (err) {
    if (isErrorNamed(err, 'WAFNonexistentItemException')) return undefined;
    throw err;
  }
}

async function loadBalancerAcls(ctx: CollectContext, client: WAFV2Client): Promise<WafEvidence['loadBalancers']> {
  const { loadBalancers } = await ctx.dataset(elbv2LoadBalancers);
  const exposed = loadBalancers.filter((lb) => lb.type === 'application' && lb.scheme === 'internet-facing');
  return Promise.all(
    exposed.map(async (lb) => {
      const webAclArn = await webAclOfResource(client, lb.arn);
      return { arn: lb.arn, ...(webAclArn && { webAclArn }) };
    }),
  );
}

const collectWebAcls = defineCollector(wafWebAcls, async (ctx) => {
  const client = ctx.clients.get(WAFV2Client);
  // CloudFront's web ACLs live in us-east-1 only. https://docs.aws.amazon.com/waf/latest/APIReference/API_ListWebACLs.html
  const scopes: Scope[] = ctx.region === 'us-east-1' ? ['REGIONAL', 'CLOUDFRONT'] : ['REGIONAL'];
  const webAcls = (await Promise.all(scopes.map((scope) => webAclsOf(client, scope)))).flat();
  return { webAcls, loadBalancers: await loadBalancerAcls(ctx, client) };
});

export const COLLECTORS = [collectWebAcls];
