import type * as SdkSsm from '@aws-sdk/client-ssm';
import { defineCollector } from '../../contract/collector.js';
import { patchStates, secureStringParameters, type InstancePatchState } from './datasets.js';
import { collectPages, isoDate, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  paginateDescribeInstanceInformation,
  paginateDescribeInstancePatchStates,
  paginateDescribeParameters,
  SSMClient,
} = sdkModule<typeof SdkSsm>('@aws-sdk/client-ssm');

const collectSecureStrings = defineCollector(secureStringParameters, async (ctx) => {
  const client = ctx.clients.get(SSMClient);
  const pages = paginateDescribeParameters({ client }, { ParameterFilters: [{ Key: 'Type', Values: ['SecureString'] }], MaxResults: 50 });
  const parameters = await collectPages(pages, (page) => page.Parameters);
  return { parameters: parameters.map((p) => ({ name: required(p.Name, 'Parameter.Name'), lastModified: isoDate(p.LastModifiedDate) })) };
});

/** DescribeInstancePatchStates takes at most 50 instance IDs. https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DescribeInstancePatchStates.html */
const PATCH_STATE_BATCH = 50;

const collectPatchStates = defineCollector(patchStates, async (ctx) => {
  const client = ctx.clients.get(SSMClient);
  const nodes = await collectPages(
    paginateDescribeInstanceInformation({ client }, { Filters: [{ Key: 'ResourceType', Values: ['EC2Instance'] }], MaxResults: 50 }),
    (page) => page.InstanceInformationList,
  );
  const managedInstanceIds = nodes.map((n) => required(n.InstanceId, 'InstanceInformation.InstanceId'));
  const states: InstancePatchState[] = [];
  for (let i = 0; i < managedInstanceIds.length; i += PATCH_STATE_BATCH) {
    const InstanceIds = managedInstanceIds.slice(i, i + PATCH_STATE_BATCH);
    const batch = await collectPages(paginateDescribeInstancePatchStates({ client }, { InstanceIds, MaxResults: 50 }), (page) => page.InstancePatchStates);
    for (const s of batch) {
      states.push({
        instanceId: required(s.InstanceId, 'InstancePatchState.InstanceId'),
        operationEndTime: isoDate(s.OperationEndTime),
        missing: s.MissingCount ?? 0,
        failed: s.FailedCount ?? 0,
        criticalNonCompliant: s.CriticalNonCompliantCount ?? 0,
        securityNonCompliant: s.SecurityNonCompliantCount ?? 0,
      });
    }
  }
  return { managedInstanceIds, states };
});

export const COLLECTORS = [collectSecureStrings, collectPatchStates];
