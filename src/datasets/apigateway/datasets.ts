// Amazon API Gateway datasets: REST APIs (their stages' web ACLs and how each method authorizes
// callers) and HTTP APIs (how each route does). The collectors that fetch them are in collect.ts.
// API Gateway authorizes every read as the HTTP verb: apigateway:GET.
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonapigatewaymanagement.html

import { defineDataset } from '../../contract/dataset.js';

export interface RestApiMethod {
  path: string;
  httpMethod: string;
  /** NONE, AWS_IAM, CUSTOM (a Lambda authorizer) or COGNITO_USER_POOLS. */
  authorizationType: string;
  apiKeyRequired: boolean;
}

export interface RestApiStage {
  name: string;
  /** `arn:aws:apigateway:<region>::/restapis/<id>/stages/<name>`, the form AWS WAF protects. */
  arn: string;
  webAclArn?: string;
}

export interface RestApi {
  id: string;
  name?: string;
  arn: string;
  /** EDGE, REGIONAL or PRIVATE. */
  endpointTypes: string[];
  stages: RestApiStage[];
  methods: RestApiMethod[];
}

export interface RestApisEvidence {
  apis: RestApi[];
}

export interface HttpApiRoute {
  routeKey: string;
  /** NONE, AWS_IAM, CUSTOM (a Lambda authorizer) or JWT. */
  authorizationType: string;
}

export interface HttpApi {
  id: string;
  name?: string;
  arn: string;
  routes: HttpApiRoute[];
}

export interface HttpApisEvidence {
  apis: HttpApi[];
}

export const restApis = defineDataset<RestApisEvidence>({
  id: 'apigateway.restApis',
  scope: 'regional',
  actions: ['apigateway:GET'],
  operations: { GetRestApis: 'apigateway:GET', GetStages: 'apigateway:GET', GetResources: 'apigateway:GET' },
});

export const httpApis = defineDataset<HttpApisEvidence>({
  id: 'apigateway.httpApis',
  scope: 'regional',
  actions: ['apigateway:GET'],
  operations: { GetApis: 'apigateway:GET', GetRoutes: 'apigateway:GET' },
});
