// AWS WAF (awsJson 1.1): web ACLs by scope (CLOUDFRONT only in us-east-1), each with its managed
// rule groups, and the web ACL of a resource. A resource without one answers
// WAFNonexistentItemException, as AWS does for an unprotected load balancer.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate, requiredString, stableId } from '../params.js';
import { awsJson } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface WebAclSpec {
  name: string;
  scope?: 'REGIONAL' | 'CLOUDFRONT';
  /** Managed rule groups in the order they run; `countOnly` overrides the whole group to count. */
  managedGroups?: { name: string; vendor?: string; countOnly?: boolean; firewallManager?: 'pre' | 'post' }[];
  /** Substrings of the ARNs of the resources it protects (e.g. `/app/web/` for a load balancer named web). */
  protects?: string[];
}

declare module '../scenario.js' {
  interface RegionSpec {
    waf?: { webAcls?: WebAclSpec[] };
  }
}

const nonexistent = () => new FakeAwsError('WAFNonexistentItemException', 400, 'AWS WAF couldn’t perform the operation because your resource doesn’t exist.');

function scopeOf(spec: WebAclSpec): 'REGIONAL' | 'CLOUDFRONT' {
  return spec.scope ?? 'REGIONAL';
}

function arnOf(ctx: HandlerContext, spec: WebAclSpec): string {
  const where = scopeOf(spec) === 'CLOUDFRONT' ? 'global' : 'regional';
  return `arn:aws:wafv2:${ctx.region}:${ctx.account.id}:${where}/webacl/${spec.name}/${stableId(spec.name, 36)}`;
}

function webAcls(ctx: HandlerContext): WebAclSpec[] {
  return ctx.regionSpec.waf?.webAcls ?? [];
}

function managedStatement(group: NonNullable<WebAclSpec['managedGroups']>[number]): Record<string, unknown> {
  return { ManagedRuleGroupStatement: { VendorName: group.vendor ?? 'AWS', Name: group.name } };
}

function visibility(name: string) {
  return { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: name };
}

function webAclDocument(ctx: HandlerContext, spec: WebAclSpec): unknown {
  const groups = spec.managedGroups ?? [];
  const override = (countOnly?: boolean) => (countOnly ? { Count: {} } : { None: {} });
  const firewallManager = (phase: 'pre' | 'post') =>
    groups
      .filter((g) => g.firewallManager === phase)
      .map((g, i) => ({ Name: `FMManaged-${g.name}`, Priority: i, FirewallManagerStatement: managedStatement(g), OverrideAction: override(g.countOnly), VisibilityConfig: visibility(g.name) }));
  return {
    Name: spec.name,
    Id: stableId(spec.name, 36),
    ARN: arnOf(ctx, spec),
    DefaultAction: { Allow: {} },
    Rules: groups
      .filter((g) => !g.firewallManager)
      .map((g, i) => ({ Name: g.name, Priority: i, Statement: managedStatement(g), OverrideAction: override(g.countOnly), VisibilityConfig: visibility(g.name) })),
    PreProcessFirewallManagerRuleGroups: firewallManager('pre'),
    PostProcessFirewallManagerRuleGroups: firewallManager('post'),
    VisibilityConfig: visibility(spec.name),
    Capacity: 700,
    ManagedByFirewallManager: groups.some((g) => g.firewallManager),
  };
}

function listWebACLs(ctx: HandlerContext): unknown {
  const scope = requiredString(ctx.input.json.Scope, 'scope');
  if (scope === 'CLOUDFRONT' && ctx.region !== 'us-east-1') {
    throw new FakeAwsError('WAFInvalidParameterException', 400, 'Error reason: The scope is not valid., field: SCOPE_VALUE, parameter: CLOUDFRONT');
  }
  const acls = webAcls(ctx).filter((spec) => scopeOf(spec) === scope);
  const page = paginate(acls, ctx.input.json.NextMarker, optionalNumber(ctx.input.json.Limit) ?? 100, 'WAFInvalidParameterException');
  const summaries = page.items.map((spec) => ({ Name: spec.name, Id: stableId(spec.name, 36), ARN: arnOf(ctx, spec), LockToken: 'lock' }));
  return { WebACLs: summaries, ...(page.nextToken && { NextMarker: page.nextToken }) };
}

function getWebACL(ctx: HandlerContext): unknown {
  const arn = requiredString(ctx.input.json.ARN, 'ARN');
  const spec = webAcls(ctx).find((s) => arnOf(ctx, s) === arn);
  if (!spec) throw nonexistent();
  return { WebACL: webAclDocument(ctx, spec), LockToken: 'lock' };
}

function getWebACLForResource(ctx: HandlerContext): unknown {
  const resource = requiredString(ctx.input.json.ResourceArn, 'ResourceArn');
  const spec = webAcls(ctx).find((s) => scopeOf(s) === 'REGIONAL' && (s.protects ?? []).some((part) => resource.includes(part)));
  if (!spec) throw nonexistent();
  return { WebACL: webAclDocument(ctx, spec) };
}

export const wafv2 = defineService({
  signingName: 'wafv2',
  actionPrefix: 'wafv2',
  protocol: awsJson('AWSWAF_20190729'),
  operations: { ListWebACLs: listWebACLs, GetWebACL: getWebACL, GetWebACLForResource: getWebACLForResource },
});
