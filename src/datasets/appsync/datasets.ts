// AWS AppSync datasets: GraphQL APIs, how they authenticate callers and the web ACL in front of them.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface GraphqlApi {
  apiId: string;
  name?: string;
  arn: string;
  /** API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT or AWS_LAMBDA, then the additional providers. */
  authenticationTypes: string[];
  /** GLOBAL (reachable from the internet) or PRIVATE. */
  visibility: string;
  webAclArn?: string;
}

export interface GraphqlApisEvidence {
  apis: GraphqlApi[];
}

export const graphqlApis = defineDataset<GraphqlApisEvidence>({
  id: 'appsync.graphqlApis',
  scope: 'regional',
  actions: ['appsync:ListGraphqlApis'],
});
