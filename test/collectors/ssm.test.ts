import { DescribeInstanceInformationCommand, DescribeInstancePatchStatesCommand, DescribeParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { patchStates, secureStringParameters } from '../../src/datasets/ssm/datasets.js';
import { awsError, collect, testContext } from './context.js';

const ssm = mockClient(SSMClient);

describe('ssm.secureStringParameters', () => {
  beforeEach(() => ssm.reset());

  it('lists SecureString parameters by name only', async () => {
    ssm.on(DescribeParametersCommand).resolves({ Parameters: [{ Name: '/app/db-password', Type: 'SecureString', LastModifiedDate: new Date('2026-01-01T00:00:00Z') }] });
    expect(await collect(secureStringParameters, testContext())).toEqual({ parameters: [{ name: '/app/db-password', lastModified: '2026-01-01T00:00:00.000Z' }] });
    expect(ssm.commandCalls(DescribeParametersCommand)[0]!.args[0].input.ParameterFilters).toEqual([{ Key: 'Type', Values: ['SecureString'] }]);
  });

  it('lets a refused call propagate', async () => {
    ssm.on(DescribeParametersCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(secureStringParameters, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('ssm.patchStates', () => {
  beforeEach(() => ssm.reset());

  it('reads the patch state of managed EC2 instances, 50 instance IDs per call', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `i-${String(i).padStart(17, '0')}`);
    ssm.on(DescribeInstanceInformationCommand).resolves({ InstanceInformationList: ids.map((InstanceId) => ({ InstanceId })) });
    ssm.on(DescribeInstancePatchStatesCommand).callsFake((input: { InstanceIds: string[] }) => ({
      InstancePatchStates: input.InstanceIds.slice(0, 1).map((InstanceId) => ({
        InstanceId,
        PatchGroup: '',
        BaselineId: 'pb',
        Operation: 'Scan',
        OperationStartTime: new Date('2026-11-20T00:00:00Z'),
        OperationEndTime: new Date('2026-11-20T00:10:00Z'),
        MissingCount: 2,
        CriticalNonCompliantCount: 1,
      })),
    }));
    const data = await collect(patchStates, testContext());
    expect(data.managedInstanceIds).toHaveLength(51);
    expect(data.states).toEqual([
      { instanceId: ids[0], operationEndTime: '2026-11-20T00:10:00.000Z', missing: 2, failed: 0, criticalNonCompliant: 1, securityNonCompliant: 0 },
      { instanceId: ids[50], operationEndTime: '2026-11-20T00:10:00.000Z', missing: 2, failed: 0, criticalNonCompliant: 1, securityNonCompliant: 0 },
    ]);
    expect(ssm.commandCalls(DescribeInstancePatchStatesCommand).map((c) => c.args[0].input.InstanceIds!.length)).toEqual([50, 1]);
  });
});
