// AWS Systems Manager (awsJson 1.1): SecureString parameters (DescribeParameters honours the Type
// filter), managed instances and their patch states (at most 50 instance IDs per call, as SSM takes).

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface SsmSpec {
  parameters?: { name: string; type?: 'String' | 'StringList' | 'SecureString' }[];
  /** EC2 instances the agent manages, with their last patch scan when they reported one. */
  managedInstances?: { id: string; patchScan?: { when: When; missing?: number; critical?: number } }[];
}

declare module '../scenario.js' {
  interface RegionSpec {
    ssm?: SsmSpec;
  }
}

function describeParameters(ctx: HandlerContext): unknown {
  const filters = (ctx.input.json.ParameterFilters ?? []) as { Key?: string; Values?: string[] }[];
  const types = filters.find((f) => f.Key === 'Type')?.Values;
  const parameters = (ctx.regionSpec.ssm?.parameters ?? [])
    .filter((p) => !types || types.includes(p.type ?? 'String'))
    .map((p) => ({ Name: p.name, Type: p.type ?? 'String', LastModifiedDate: epochSeconds(new Date('2026-01-15T00:00:00Z')), Version: 1, Tier: 'Standard' }));
  const page = paginate(parameters, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxResults) ?? 10, 'InvalidNextToken');
  return { Parameters: page.items, NextToken: page.nextToken };
}

function describeInstanceInformation(ctx: HandlerContext): unknown {
  const nodes = (ctx.regionSpec.ssm?.managedInstances ?? []).map((i) => ({ InstanceId: i.id, PingStatus: 'Online', ResourceType: 'EC2Instance', PlatformType: 'Linux' }));
  const page = paginate(nodes, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxResults) ?? 10, 'InvalidNextToken');
  return { InstanceInformationList: page.items, NextToken: page.nextToken };
}

function describeInstancePatchStates(ctx: HandlerContext): unknown {
  const ids = (ctx.input.json.InstanceIds ?? []) as string[];
  if (ids.length > 50) throw new FakeAwsError('ValidationException', 400, "1 validation error detected: Value at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to 50");
  const states = (ctx.regionSpec.ssm?.managedInstances ?? [])
    .filter((i) => ids.includes(i.id) && i.patchScan)
    .map((i) => {
      const at = epochSeconds(resolveWhen(i.patchScan!.when, ctx.now));
      return {
        InstanceId: i.id,
        PatchGroup: '',
        BaselineId: 'pb-0123456789abcdef0',
        OperationStartTime: at,
        OperationEndTime: at,
        Operation: 'Scan',
        MissingCount: i.patchScan!.missing ?? 0,
        FailedCount: 0,
        CriticalNonCompliantCount: i.patchScan!.critical ?? 0,
        SecurityNonCompliantCount: i.patchScan!.critical ?? 0,
      };
    });
  const page = paginate(states, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxResults) ?? 10, 'InvalidNextToken');
  return { InstancePatchStates: page.items, NextToken: page.nextToken };
}

export const ssm = defineService({
  signingName: 'ssm',
  actionPrefix: 'ssm',
  protocol: awsJson('AmazonSSM'),
  operations: { DescribeParameters: describeParameters, DescribeInstanceInformation: describeInstanceInformation, DescribeInstancePatchStates: describeInstancePatchStates },
});
