import type * as SdkLambda from '@aws-sdk/client-lambda';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, isoDate, required } from '../sdk.js';
import { scanVariables } from '../secret-scan.js';
import { lambdaFunctions, type LambdaFunctionInfo } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { LambdaClient, paginateListFunctions } = sdkModule<typeof SdkLambda>('@aws-sdk/client-lambda');

function toFunction(fn: FunctionConfiguration): LambdaFunctionInfo {
  const error = fn.Environment?.Error;
  return {
    name: required(fn.FunctionName, 'FunctionName'),
    arn: required(fn.FunctionArn, 'FunctionArn'),
    runtime: fn.Runtime,
    packageType: fn.PackageType,
    role: fn.Role,
    lastModified: isoDate(fn.LastModified),
    vpcSubnetIds: fn.VpcConfig?.SubnetIds ?? [],
    environment: scanVariables(fn.Environment?.Variables),
    ...(error ? { environmentError: `${error.ErrorCode ?? 'Error'}: ${error.Message ?? ''}`.trim() } : {}),
  };
}

const collectFunctions = defineCollector(lambdaFunctions, async (ctx) => {
  // ListFunctions returns at most 50 a page, environment variables included; $LATEST only.
  const pages = paginateListFunctions({ client: ctx.clients.get(LambdaClient) }, { MaxItems: 50 });
  return { functions: (await collectPages(pages, (page) => page.Functions)).map(toFunction) };
});

export const COLLECTORS = [collectFunctions];
