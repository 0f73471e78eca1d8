import { DLMClient, GetLifecyclePoliciesCommand, GetLifecyclePolicyCommand } from '@aws-sdk/client-dlm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { lifecyclePolicies } from '../../src/datasets/dlm/datasets.js';
import { awsError, collect, testContext } from './context.js';

const dlm = mockClient(DLMClient);
beforeEach(() => dlm.reset());

describe('dlm.policies', () => {
  it('reads every policy in full: custom target tags, default policies with their exclusions', async () => {
    dlm.on(GetLifecyclePoliciesCommand).resolves({ Policies: [{ PolicyId: 'policy-1' }, { PolicyId: 'policy-2' }] });
    dlm.on(GetLifecyclePolicyCommand, { PolicyId: 'policy-1' }).resolves({
      Policy: { PolicyId: 'policy-1', State: 'ENABLED', PolicyDetails: { PolicyType: 'EBS_SNAPSHOT_MANAGEMENT', ResourceTypes: ['VOLUME'], TargetTags: [{ Key: 'Backup', Value: 'daily' }] } },
    });
    dlm.on(GetLifecyclePolicyCommand, { PolicyId: 'policy-2' }).resolves({
      Policy: { PolicyId: 'policy-2', State: 'ENABLED', DefaultPolicy: true, PolicyDetails: { PolicyType: 'EBS_SNAPSHOT_MANAGEMENT', ResourceType: 'INSTANCE', Exclusions: { ExcludeTags: [{ Key: 'NoBackup', Value: 'true' }] } } },
    });
    const { policies } = await collect(lifecyclePolicies, testContext());
    expect(policies[0]).toMatchObject({ policyId: 'policy-1', resourceTypes: ['VOLUME'], targetTags: [{ key: 'Backup', value: 'daily' }], defaultPolicy: false });
    expect(policies[1]).toMatchObject({ policyId: 'policy-2', resourceTypes: ['INSTANCE'], defaultPolicy: true, exclusions: { excludeTags: [{ key: 'NoBackup', value: 'true' }] } });
  });

  it('treats ResourceNotFoundException from the listing as no policy', async () => {
    dlm.on(GetLifecyclePoliciesCommand).rejects(awsError('ResourceNotFoundException'));
    expect(await collect(lifecyclePolicies, testContext())).toEqual({ policies: [] });
  });

  it('lets a refusal propagate', async () => {
    dlm.on(GetLifecyclePoliciesCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(lifecyclePolicies, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
