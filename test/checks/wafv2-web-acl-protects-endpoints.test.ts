import check from '../../checks/wafv2-web-acl-protects-endpoints.js';
import { albArn, graphqlApi, graphqlApis, managedGroup, restApi, restApis, waf, webAcl } from '../helpers/fixtures/edge.js';
import { distribution, distributions } from '../helpers/fixtures/network.js';
import { ACCOUNT, accountInput, ok, REGION } from '../helpers/input.js';
import { unreadRegionCases, UNREAD_REGION } from '../helpers/region-view-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const regions = [REGION, UNREAD_REGION];
const strong = webAcl('strong', [managedGroup('AWSManagedRulesCommonRuleSet', { firewallManager: 'pre' }), managedGroup('AWSManagedRulesKnownBadInputsRuleSet')]);
const counting = webAcl('counting', [managedGroup('AWSManagedRulesCommonRuleSet', { countOnly: true }), managedGroup('AWSManagedRulesAmazonIpReputationList')]);
const vendor = webAcl('vendor', [managedGroup('OWASPTop10', { vendor: 'F5', managedName: 'OWASP_Managed' })]);
const cfAcl = webAcl('edge', [managedGroup('AWSManagedRulesSQLiRuleSet')], 'us-east-1', 'CLOUDFRONT');
const empty = { waf: ok(waf()), restApis: ok(restApis()), graphqlApis: ok(graphqlApis()) };

function data(here: { waf?: ReturnType<typeof waf>; rest?: ReturnType<typeof restApis>; graphql?: ReturnType<typeof graphqlApis> }, usEast = empty, dists = distributions()) {
  return {
    waf: { [REGION]: ok(here.waf ?? waf()), [UNREAD_REGION]: usEast.waf },
    restApis: { [REGION]: ok(here.rest ?? restApis()), [UNREAD_REGION]: usEast.restApis },
    graphqlApis: { [REGION]: ok(here.graphql ?? graphqlApis()), [UNREAD_REGION]: usEast.graphqlApis },
    distributions: dists,
  };
}

runCheckCases(check, [
  {
    name: 'ALB behind AWS exploit groups, a stage behind a vendor group, CloudFront behind a us-east-1 ACL: PASS each',
    input: accountInput({
      regions,
      data: data(
        { waf: waf([strong, vendor], [{ arn: albArn('web'), webAclArn: strong.arn }]), rest: restApis(restApi('shop', { stages: [{ name: 'prod', arn: 'arn:stage/prod', webAclArn: vendor.arn }] })) },
        { ...empty, waf: ok(waf([cfAcl])) },
        distributions({ ...distribution('E1'), webAclId: cfAcl.arn }),
      ),
    }),
    expected: [
      { status: 'PASS', messageId: 'protected', resource: albArn('web'), params: { what: 'Load balancer web', groups: 'AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet' } },
      { status: 'PASS', messageId: 'protected', resource: 'arn:stage/prod', params: { groups: 'F5/OWASP_Managed' } },
      { status: 'PASS', messageId: 'protected', resource: `arn:aws:cloudfront::${ACCOUNT}:distribution/E1`, params: { groups: 'AWSManagedRulesSQLiRuleSet' } },
    ],
  },
  {
    name: 'no web ACL, a count-only group, a WAF Classic ID; private APIs are not judged',
    input: accountInput({
      regions,
      data: data(
        {
          waf: waf([counting], [{ arn: albArn('web') }]),
          rest: restApis(restApi('inner', { endpointTypes: ['PRIVATE'] })),
          graphql: graphqlApis(graphqlApi('gql', { webAclArn: counting.arn }), graphqlApi('private', { visibility: 'PRIVATE' })),
        },
        empty,
        distributions({ ...distribution('E2'), webAclId: '473e64fd-f30b-4765-81a0-62ad96dd167a' }),
      ),
    }),
    expected: [
      { status: 'WARN', messageId: 'noWebAcl', resource: albArn('web') },
      { status: 'WARN', messageId: 'noExploitRules', resource: `arn:aws:appsync:${REGION}:${ACCOUNT}:apis/gql`, params: { acl: 'counting' } },
      { status: 'WARN', messageId: 'webAclUnread', resource: `arn:aws:cloudfront::${ACCOUNT}:distribution/E2`, params: { why: 'it is a WAF Classic web ACL or another account\'s' } },
    ],
  },
  {
    name: 'a CloudFront ACL when us-east-1 was not scanned: its rules were not read',
    input: accountInput({
      regions: [REGION],
      data: { waf: { [REGION]: ok(waf()) }, restApis: { [REGION]: ok(restApis()) }, graphqlApis: { [REGION]: ok(graphqlApis()) }, distributions: distributions({ ...distribution('E3'), webAclId: cfAcl.arn }) },
    }),
    expected: [{ status: 'WARN', messageId: 'webAclUnread', resource: `arn:aws:cloudfront::${ACCOUNT}:distribution/E3`, params: { why: 'the web ACLs of us-east-1 were not read' } }],
  },
  {
    name: 'nothing faces the internet: nothing to judge',
    input: accountInput({ regions, data: data({}) }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'nothingExposed', resource: ROOT }],
  },
  ...unreadRegionCases({
    input: (view, closedRegions) => accountInput({ regions, closedRegions, data: data({}, { ...empty, waf: view }) }),
    resource: ROOT,
    then: [{ status: 'NOT_APPLICABLE', messageId: 'nothingExposed', resource: ROOT }],
  }),
]);
