// Amazon Cognito user pool datasets: evidence that an application authenticates its users. The
// collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface CognitoUserPoolsEvidence {
  userPools: { id: string; name?: string }[];
}

export const cognitoUserPools = defineDataset<CognitoUserPoolsEvidence>({
  id: 'cognito.userPools',
  scope: 'regional',
  actions: ['cognito-idp:ListUserPools'],
});
