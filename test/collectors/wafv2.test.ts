import { DescribeListenersCommand, DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetWebACLCommand, GetWebACLForResourceCommand, ListWebACLsCommand, WAFNonexistentItemException, WAFV2Client } from '@aws-sdk/client-wafv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { wafWebAcls } from '../../src/datasets/wafv2/datasets.js';
import { collect, testContext } from './context.js';

const waf = mockClient(WAFV2Client);
const elbv2 = mockClient(ElasticLoadBalancingV2Client);

const lb = (name: string, type: string, scheme: string) => ({
  LoadBalancerArn: `arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/${type === 'application' ? 'app' : 'net'}/${name}/1`,
  LoadBalancerName: name,
  Type: type as 'application',
  Scheme: scheme as 'internet-facing',
});

describe('wafv2.webAcls', () => {
  beforeEach(() => {
    waf.reset();
    elbv2.reset();
    elbv2.on(DescribeListenersCommand).resolves({ Listeners: [] });
  });

  it('reads each web ACL\'s rule groups, and the web ACL of internet-facing ALBs only', async () => {
    elbv2.on(DescribeLoadBalancersCommand).resolves({
      LoadBalancers: [lb('web', 'application', 'internet-facing'), lb('api', 'application', 'internet-facing'), lb('inner', 'application', 'internal'), lb('nlb', 'network', 'internet-facing')],
    });
    waf.on(ListWebACLsCommand).resolves({ WebACLs: [{ ARN: 'arn:acl/main', Name: 'main' }] });
    waf.on(GetWebACLCommand).resolves({
      WebACL: {
        ARN: 'arn:acl/main',
        Name: 'main',
        Id: 'i',
        DefaultAction: { Allow: {} },
        VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'm' },
        Rules: [
          {
            Name: 'common',
            Priority: 0,
            Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet', RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }] } },
            OverrideAction: { None: {} },
            VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'c' },
          },
          { Name: 'rate', Priority: 1, Statement: { RateBasedStatement: { Limit: 100, AggregateKeyType: 'IP' } }, Action: { Block: {} }, VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'r' } },
        ],
        PostProcessFirewallManagerRuleGroups: [
          {
            Name: 'fms-sqli',
            Priority: 9,
            FirewallManagerStatement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesSQLiRuleSet' } },
            OverrideAction: { Count: {} },
            VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'f' },
          },
        ],
      },
    });
    waf.on(GetWebACLForResourceCommand, { ResourceArn: lb('web', 'application', '').LoadBalancerArn }).resolves({ WebACL: { ARN: 'arn:acl/main', Name: 'main', Id: 'i', DefaultAction: {}, VisibilityConfig: undefined } });
    waf.on(GetWebACLForResourceCommand, { ResourceArn: lb('api', 'application', '').LoadBalancerArn }).rejects(new WAFNonexistentItemException({ message: 'none', $metadata: {} }));
    expect(await collect(wafWebAcls, testContext())).toEqual({
      webAcls: [
        {
          arn: 'arn:acl/main',
          name: 'main',
          scope: 'REGIONAL',
          defaultAction: 'ALLOW',
          ruleGroups: [
            { name: 'common', vendor: 'AWS', managedName: 'AWSManagedRulesCommonRuleSet', countOnly: false, rulesCounted: ['SizeRestrictions_BODY'] },
            { name: 'fms-sqli', vendor: 'AWS', managedName: 'AWSManagedRulesSQLiRuleSet', countOnly: true, rulesCounted: [], firewallManager: 'post' },
          ],
        },
      ],
      loadBalancers: [{ arn: lb('web', 'application', '').LoadBalancerArn, webAclArn: 'arn:acl/main' }, { arn: lb('api', 'application', '').LoadBalancerArn }],
    });
    expect(waf.commandCalls(GetWebACLForResourceCommand)).toHaveLength(2);
    expect(waf.commandCalls(ListWebACLsCommand).map((c) => c.args[0].input.Scope)).toEqual(['REGIONAL']);
  });

  it('also lists CloudFront\'s web ACLs in us-east-1', async () => {
    elbv2.on(DescribeLoadBalancersCommand).resolves({ LoadBalancers: [] });
    waf.on(ListWebACLsCommand).resolves({ WebACLs: [] });
    expect(await collect(wafWebAcls, testContext('us-east-1'))).toEqual({ webAcls: [], loadBalancers: [] });
    expect(waf.commandCalls(ListWebACLsCommand).map((c) => c.args[0].input.Scope).sort()).toEqual(['CLOUDFRONT', 'REGIONAL']);
  });
});
