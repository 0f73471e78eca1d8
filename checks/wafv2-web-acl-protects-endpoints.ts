import { defineCheck, type Outcome } from '../src/contract/check.js';
import { graphqlApis } from '../src/datasets/appsync/datasets.js';
import { restApis } from '../src/datasets/apigateway/datasets.js';
import { cloudFrontDistributions } from '../src/datasets/cloudfront/datasets.js';
import { wafWebAcls, type WebAcl } from '../src/datasets/wafv2/datasets.js';
import { accountArn } from './lib/arn.js';
import { readTogether, type RegionViewMessageId } from './lib/region-evidence.js';
import { REGION_VIEW_MESSAGES } from './lib/region-views.js';
import { exploitProtection } from './lib/web-acl.js';

const MESSAGES = {
  protected: '{what} is behind web ACL {acl}, which blocks common exploits with {groups}.',
  noExploitRules: '{what} is behind web ACL {acl}, but it runs no rule group that blocks common exploits in block mode; attest how OWASP Top 10 attacks are mitigated.',
  webAclUnread: '{what} is behind web ACL {acl}, whose rules were not read ({why}); attest how OWASP Top 10 attacks are mitigated.',
  noWebAcl: '{what} has no AWS WAF web ACL: attest how OWASP Top 10 attacks are mitigated (a WAF in front of AWS, or protection in the application).',
  nothingExposed: 'No internet-facing Application Load Balancer, public REST API stage, public AppSync API or enabled CloudFront distribution.',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES | RegionViewMessageId;

interface Exposed {
  what: string;
  arn: string;
  region: string;
  webAcl?: string;
}

/** Where a protected resource's web ACL is read: its own region, us-east-1 for CloudFront's. */
function judge(resource: Exposed, aclsByRegion: Map<string, WebAcl[]>): Outcome<MessageId> {
  const base = { resource: resource.arn, region: resource.region, params: { what: resource.what } };
  if (!resource.webAcl) return { ...base, status: 'WARN', messageId: 'noWebAcl' };
  const where = resource.arn.includes(':cloudfront::') ? 'us-east-1' : resource.region;
  const acls = aclsByRegion.get(where);
  const acl = acls?.find((a) => a.arn === resource.webAcl);
  const params = { ...base.params, acl: acl?.name ?? resource.webAcl };
  if (!acl) {
    const why = acls ? 'it is a WAF Classic web ACL or another account\'s' : `the web ACLs of ${where} were not read`;
    return { ...base, status: 'WARN', messageId: 'webAclUnread', params: { ...params, why } };
  }
  const groups = exploitProtection(acl);
  const evidence = { webAcl: acl };
  if (groups.length > 0) return { ...base, status: 'PASS', messageId: 'protected', params: { ...params, groups: groups.join(', ') }, evidence };
  return { ...base, status: 'WARN', messageId: 'noExploitRules', params, evidence };
}

export default defineCheck({
  id: 'wafv2-web-acl-protects-endpoints',
  title: 'Internet-facing endpoints are behind a web ACL that blocks common exploits',
  description:
    'Finds what AWS WAF can protect when it faces the internet: Application Load Balancers (their web ACL from GetWebACLForResource), ' +
    'REST API stages that are not private (the stage\'s web ACL), AppSync APIs that are not private, and enabled CloudFront distributions ' +
    '(their WebACLId). Each passes behind a web ACL that runs, in block mode, AWS\'s common-rule, known-bad-inputs or SQL-injection managed ' +
    'group, or a marketplace vendor\'s group (Firewall Manager groups count). No web ACL, or one without such a group, warns: a WAF in front ' +
    'of AWS or protection in the application also qualifies, so this is never a failure. Network Load Balancers and HTTP APIs, which WAF ' +
    'cannot protect, are not judged.',
  requirements: { 'smb-competency': ['IAM-007'] },
  severity: 'high',
  scope: 'account',
  uses: { waf: wafWebAcls, restApis, graphqlApis, distributions: cloudFrontDistributions },
  remediation:
    'Create a web ACL with the AWSManagedRulesCommonRuleSet and AWSManagedRulesKnownBadInputsRuleSet managed groups (rule action override ' +
    'none) and associate it: `aws wafv2 associate-web-acl --web-acl-arn <acl> --resource-arn <alb-or-stage-or-appsync-arn>`; for CloudFront ' +
    'set the distribution\'s web ACL (scope CLOUDFRONT, us-east-1).',
  docsUrl: 'https://docs.aws.amazon.com/waf/latest/developerguide/waf-chapter.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const account = accountArn(input);
    const { read, unread } = readTogether(
      { waf: input.data.waf, restApis: input.data.restApis, graphqlApis: input.data.graphqlApis },
      { waf: wafWebAcls.id, restApis: restApis.id, graphqlApis: graphqlApis.id },
      input.closedRegions,
      account,
    );
    // Nothing read, nothing to say about what exists: the unread regions' errors are the whole verdict.
    if (read.length === 0) return unread;
    const aclsByRegion = new Map(read.map(({ region, data }) => [region, data.waf.webAcls]));
    const exposed: Exposed[] = read.flatMap(({ region, data }) => [
      ...data.waf.loadBalancers.map((lb) => ({ what: `Load balancer ${lb.arn.split('/').slice(-2, -1)[0]}`, arn: lb.arn, region, webAcl: lb.webAclArn })),
      ...data.restApis.apis
        .filter((api) => !api.endpointTypes.includes('PRIVATE'))
        .flatMap((api) => api.stages.map((stage) => ({ what: `REST API ${api.name ?? api.id} stage ${stage.name}`, arn: stage.arn, region, webAcl: stage.webAclArn }))),
      ...data.graphqlApis.apis.filter((api) => api.visibility !== 'PRIVATE').map((api) => ({ what: `AppSync API ${api.name ?? api.apiId}`, arn: api.arn, region, webAcl: api.webAclArn })),
    ]);
    const distributions = input.data.distributions.distributions
      .filter((d) => d.enabled)
      .map((d) => ({ what: `CloudFront distribution ${d.id}`, arn: d.arn, region: 'global', webAcl: d.webAclId }));
    const all = [...exposed, ...distributions];
    if (all.length === 0) {
      const outcomes: Outcome<MessageId>[] = [...unread, { status: 'NOT_APPLICABLE', messageId: 'nothingExposed', resource: account }];
      return outcomes;
    }
    return [...unread, ...all.map((r) => judge(r, aclsByRegion))];
  },
});
