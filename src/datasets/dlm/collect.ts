import type * as SdkDlm from '@aws-sdk/client-dlm';
import type { LifecyclePolicy, Tag } from '@aws-sdk/client-dlm';
import { defineCollector } from '../../contract/collector.js';
import { isErrorNamed, required } from '../sdk.js';
import { lifecyclePolicies, type LifecyclePolicyInfo } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { DLMClient, GetLifecyclePoliciesCommand, GetLifecyclePolicyCommand } = sdkModule<typeof SdkDlm>('@aws-sdk/client-dlm');
type DLMClient = SdkDlm.DLMClient;

const tagList = (tags: Tag[] | undefined) => (tags ?? []).map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));

/**
 * GetLifecyclePolicies has no pagination. Whether an account without policies gets an empty list or
 * ResourceNotFoundException is not documented, so both mean "no policy".
 */
async function policyIds(client: DLMClient): Promise<string[]> {
  try {
    const out = await client.send(new GetLifecyclePoliciesCommand({}));
    return (out.Policies ?? []).map((p) => required(p.PolicyId, 'PolicyId'));
  } catch (err) {
    if (isErrorNamed(err, 'ResourceNotFoundException')) return [];
    throw err;
  }
}

function toPolicy(policy: LifecyclePolicy): LifecyclePolicyInfo {
  const details = policy.PolicyDetails;
  const exclusions = details?.Exclusions;
  // A default policy names its one resource type in ResourceType; a custom one lists ResourceTypes.
  const resourceTypes = details?.ResourceTypes ?? (details?.ResourceType ? [details.ResourceType] : []);
  return {
    policyId: required(policy.PolicyId, 'PolicyId'),
    arn: policy.PolicyArn,
    description: policy.Description,
    state: required(policy.State, 'State'),
    policyType: details?.PolicyType,
    resourceTypes,
    targetTags: tagList(details?.TargetTags),
    defaultPolicy: policy.DefaultPolicy ?? false,
    ...(exclusions
      ? { exclusions: { excludeBootVolumes: exclusions.ExcludeBootVolumes, excludeVolumeTypes: exclusions.ExcludeVolumeTypes, excludeTags: tagList(exclusions.ExcludeTags) } }
      : {}),
  };
}

const collectPolicies = defineCollector(lifecyclePolicies, async (ctx) => {
  const client = ctx.clients.get(DLMClient);
  // The summary lacks target tags and resource types: each policy is read in full.
  const ids = await policyIds(client);
  const policies = await Promise.all(
    ids.map(async (id) => required((await client.send(new GetLifecyclePolicyCommand({ PolicyId: id }))).Policy, `policy ${id}`)),
  );
  return { policies: policies.map(toPolicy) };
});

export const COLLECTORS = [collectPolicies];
