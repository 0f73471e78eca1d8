import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { lambdaFunctions } from '../../src/datasets/lambda/datasets.js';
import { shortHash } from '../../src/datasets/secret-scan.js';
import { awsError, collect, testContext } from './context.js';

const lambda = mockClient(LambdaClient);
beforeEach(() => lambda.reset());

describe('lambda.functions', () => {
  it('pages 50 at a time and keeps environment variables as names and hashes only', async () => {
    lambda
      .on(ListFunctionsCommand)
      .resolvesOnce({ Functions: [{ FunctionName: 'a', FunctionArn: 'arn:a', Runtime: 'nodejs20.x', LastModified: '2026-10-01T12:00:00.000+0000', Environment: { Variables: { TOKEN: 's3cr3t' } } }], NextMarker: 'm' })
      .resolvesOnce({ Functions: [{ FunctionName: 'b', FunctionArn: 'arn:b', PackageType: 'Image', VpcConfig: { SubnetIds: ['subnet-1'] }, Environment: { Error: { ErrorCode: 'AccessDeniedException', Message: 'kms' } } }] });
    const { functions } = await collect(lambdaFunctions, testContext());
    expect(functions).toEqual([
      expect.objectContaining({ name: 'a', lastModified: '2026-10-01T12:00:00.000Z', vpcSubnetIds: [], environment: [{ name: 'TOKEN', hash: shortHash('s3cr3t'), accessKeyId: false, reference: false, secretName: true }] }),
      expect.objectContaining({ name: 'b', packageType: 'Image', vpcSubnetIds: ['subnet-1'], environment: [], environmentError: 'AccessDeniedException: kms' }),
    ]);
    expect(JSON.stringify(functions)).not.toContain('s3cr3t');
    expect(lambda.commandCalls(ListFunctionsCommand).every((c) => c.args[0].input.MaxItems === 50)).toBe(true);
  });

  it('lets a refusal propagate', async () => {
    lambda.on(ListFunctionsCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(lambdaFunctions, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
