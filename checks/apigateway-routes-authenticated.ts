import { defineCheck, type Outcome } from '../src/contract/check.js';
import { httpApis, restApis } from '../src/datasets/apigateway/datasets.js';
import { cognitoUserPools } from '../src/datasets/cognito/datasets.js';
import { elbv2LoadBalancers } from '../src/datasets/elbv2/datasets.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  openRoutes: '{kind} {api} answers {count} route(s) without authorization: {routes}. Attest which are free to call; paid requests must be authenticated.',
  authenticated: '{kind} {api} authorizes every route ({authorizers}).',
  authenticationEvidence: 'No API Gateway API in {region}; authentication evidence: {evidence}.',
  nothingToJudge: 'No API Gateway API, Cognito user pool or load balancer authentication in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;

/** Preflight requests carry no credentials, so CORS OPTIONS routes are open by design. */
function isPreflight(method: string): boolean {
  return method.toUpperCase() === 'OPTIONS';
}

function verdict(kind: string, api: { name?: string; id: string; arn: string }, routes: { route: string; method: string; authorization: string }[]): Outcome<MessageId> {
  const open = routes.filter((r) => r.authorization === 'NONE' && !isPreflight(r.method)).map((r) => r.route);
  const base = { resource: api.arn, evidence: { routes } };
  const params = { kind, api: api.name ?? api.id };
  if (open.length > 0) return { ...base, status: 'WARN', messageId: 'openRoutes', params: { ...params, count: open.length, routes: open.join(', ') } };
  const authorizers = [...new Set(routes.map((r) => r.authorization).filter((a) => a !== 'NONE'))].join(', ') || 'no routes';
  return { ...base, status: 'PASS', messageId: 'authenticated', params: { ...params, authorizers } };
}

export default defineCheck({
  id: 'apigateway-routes-authenticated',
  title: 'API routes authenticate their callers',
  description:
    'Reads every REST API method (GetResources) and HTTP API route of the region: a method or route whose authorization is NONE warns, ' +
    'listed per API, since only the partner knows which requests are paid (CORS OPTIONS methods are left out). AWS_IAM, Cognito user pools, ' +
    'JWT and Lambda (CUSTOM) authorizers count as authenticated. Cognito user pools and Application Load Balancer authenticate-cognito or ' +
    'authenticate-oidc default actions are recorded as evidence of how users sign in.',
  requirements: { 'smb-competency': ['IAM-007'] },
  severity: 'medium',
  scope: 'region',
  uses: { restApis, httpApis, userPools: cognitoUserPools, loadBalancers: elbv2LoadBalancers },
  remediation:
    'Add an authorizer to every route that serves paid data: `aws apigateway update-method --rest-api-id <id> --resource-id <id> --http-method GET ' +
    '--patch-operations op=replace,path=/authorizationType,value=COGNITO_USER_POOLS` (or AWS_IAM, a Lambda authorizer), and for HTTP APIs ' +
    '`aws apigatewayv2 update-route --api-id <id> --route-id <id> --authorization-type JWT --authorizer-id <id>`.',
  docsUrl: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { userPools } = input.data.userPools;
    const albAuth = input.data.loadBalancers.loadBalancers.filter((lb) =>
      lb.listeners.some((l) => l.defaultActions.some((a) => a.type === 'authenticate-cognito' || a.type === 'authenticate-oidc')),
    );
    const evidence = { userPools, loadBalancersAuthenticating: albAuth.map((lb) => lb.arn) };
    const outcomes: Outcome<MessageId>[] = [
      ...input.data.restApis.apis.map((api) =>
        verdict('REST API', api, api.methods.map((m) => ({ route: `${m.httpMethod} ${m.path}`, method: m.httpMethod, authorization: m.authorizationType }))),
      ),
      ...input.data.httpApis.apis.map((api) =>
        verdict('HTTP API', api, api.routes.map((r) => ({ route: r.routeKey, method: r.routeKey.split(' ')[0] ?? '', authorization: r.authorizationType }))),
      ),
    ].map((o) => ({ ...o, evidence: { ...o.evidence, ...evidence } }));
    if (outcomes.length > 0) return outcomes;
    const resource = regionalArn(input, 'apigateway', 'restapis');
    const seen = [
      ...(userPools.length > 0 ? [`${userPools.length} Cognito user pool(s)`] : []),
      ...(albAuth.length > 0 ? [`load balancer authentication on ${albAuth.map((lb) => lb.name).join(', ')}`] : []),
    ];
    if (seen.length > 0) return [{ status: 'PASS', messageId: 'authenticationEvidence', resource, params: { region: input.region, evidence: seen.join('; ') }, evidence }];
    return [{ status: 'NOT_APPLICABLE', messageId: 'nothingToJudge', resource, params: { region: input.region } }];
  },
});
