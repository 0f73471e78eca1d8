import check from '../../checks/apigateway-routes-authenticated.js';
import { httpApi, httpApis, restApi, restApis, userPools } from '../helpers/fixtures/edge.js';
import { loadBalancer, loadBalancers } from '../helpers/fixtures/network.js';
import { ACCOUNT, input, REGION } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const method = (httpMethod: string, path: string, authorizationType: string) => ({ path, httpMethod, authorizationType, apiKeyRequired: false });
const REST = (name: string) => `arn:aws:apigateway:${REGION}::/restapis/${name}`;
const HTTP = (name: string) => `arn:aws:apigateway:${REGION}::/apis/${name}`;
const NONE = `arn:aws:apigateway:${REGION}:${ACCOUNT}:restapis`;

const signIn = loadBalancer('app');
const withCognito = { ...signIn, listeners: signIn.listeners.map((l) => ({ ...l, defaultActions: [{ type: 'authenticate-cognito' }, { type: 'forward' }] })) };

runCheckCases(check, [
  {
    name: 'open methods and routes warn listed (OPTIONS excepted); authorized APIs pass naming their authorizers',
    input: input({
      data: {
        restApis: restApis(
          restApi('shop', { methods: [method('GET', '/items', 'NONE'), method('OPTIONS', '/items', 'NONE'), method('POST', '/orders', 'COGNITO_USER_POOLS')] }),
          restApi('admin', { methods: [method('GET', '/', 'AWS_IAM'), method('PUT', '/', 'CUSTOM')] }),
        ),
        httpApis: httpApis(httpApi('public', [{ routeKey: 'GET /status', authorizationType: 'NONE' }, { routeKey: 'OPTIONS /status', authorizationType: 'NONE' }]), httpApi('jwt', [{ routeKey: '$default', authorizationType: 'JWT' }])),
        userPools: userPools('customers'),
        loadBalancers: loadBalancers(),
      },
    }),
    expected: [
      { status: 'WARN', messageId: 'openRoutes', resource: REST('shop'), params: { kind: 'REST API', count: 1, routes: 'GET /items' } },
      { status: 'PASS', messageId: 'authenticated', resource: REST('admin'), params: { authorizers: 'AWS_IAM, CUSTOM' } },
      { status: 'WARN', messageId: 'openRoutes', resource: HTTP('public'), params: { kind: 'HTTP API', routes: 'GET /status' } },
      { status: 'PASS', messageId: 'authenticated', resource: HTTP('jwt'), params: { authorizers: 'JWT' } },
    ],
  },
  {
    name: 'no API but a user pool and a load balancer authenticating: PASS as evidence',
    input: input({ data: { restApis: restApis(), httpApis: httpApis(), userPools: userPools('customers'), loadBalancers: loadBalancers(withCognito) } }),
    expected: [{ status: 'PASS', messageId: 'authenticationEvidence', resource: NONE, params: { evidence: '1 Cognito user pool(s); load balancer authentication on app' } }],
  },
  {
    name: 'nothing at all: nothing to judge',
    input: input({ data: { restApis: restApis(), httpApis: httpApis(), userPools: userPools(), loadBalancers: loadBalancers(signIn) } }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'nothingToJudge', resource: NONE }],
  },
]);
