// AWS Lambda datasets: the evidence shapes checks read and the declarations. The collectors that
// fetch them are in collect.ts beside this file. Collected for the checks of other areas (credentials
// in configuration, monitored workloads, infrastructure as code), which read it.

import { defineDataset } from '../../contract/dataset.js';
import type { ScannedValue } from '../secret-scan.js';

export interface LambdaFunctionInfo {
  name: string;
  arn: string;
  runtime?: string;
  /** Zip or Image. */
  packageType?: string;
  role?: string;
  lastModified?: string;
  /** Subnets of the function's VPC attachment; empty when it is not attached to a VPC. */
  vpcSubnetIds: string[];
  /** Environment variables by name and short hash, never their values (secret-scan.ts). */
  environment: ScannedValue[];
  /** Why Lambda could not show the environment (e.g. the caller may not decrypt its KMS key). */
  environmentError?: string;
}

export interface LambdaFunctionsEvidence {
  functions: LambdaFunctionInfo[];
}

export const lambdaFunctions = defineDataset<LambdaFunctionsEvidence>({
  id: 'lambda.functions',
  scope: 'regional',
  actions: ['lambda:ListFunctions'],
});
