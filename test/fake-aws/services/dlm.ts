// Data Lifecycle Manager (restJson 1): lifecycle policies, summaries and full details.

import { FakeAwsError } from '../errors.js';
import { stableId } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface DlmPolicySpec {
  description: string;
  state?: 'ENABLED' | 'DISABLED' | 'ERROR';
  policyType?: 'EBS_SNAPSHOT_MANAGEMENT' | 'IMAGE_MANAGEMENT' | 'EVENT_BASED_POLICY';
  resourceTypes?: ('VOLUME' | 'INSTANCE')[];
  targetTags?: Record<string, string>;
  /** A default policy for every VOLUME or INSTANCE of the region. */
  default?: 'VOLUME' | 'INSTANCE';
}

declare module '../scenario.js' {
  interface RegionSpec {
    dlm?: DlmPolicySpec[];
  }
}

const policyId = (p: DlmPolicySpec) => `policy-${stableId(p.description, 17)}`;

function getLifecyclePolicies(ctx: HandlerContext): unknown {
  return {
    Policies: (ctx.regionSpec.dlm ?? []).map((p) => ({
      PolicyId: policyId(p),
      Description: p.description,
      State: p.state ?? 'ENABLED',
      Tags: {},
      PolicyType: p.policyType ?? 'EBS_SNAPSHOT_MANAGEMENT',
      DefaultPolicy: p.default !== undefined,
    })),
  };
}

function getLifecyclePolicy(ctx: HandlerContext): unknown {
  const id = ctx.input.pathParams.PolicyId;
  const p = (ctx.regionSpec.dlm ?? []).find((policy) => policyId(policy) === id);
  if (!p) throw new FakeAwsError('ResourceNotFoundException', 404, `Policy ${id} was not found.`);
  const details = p.default
    ? { PolicyType: 'EBS_SNAPSHOT_MANAGEMENT', ResourceType: p.default, CreateInterval: 1, RetainInterval: 7, PolicyLanguage: 'SIMPLIFIED' }
    : {
        PolicyType: p.policyType ?? 'EBS_SNAPSHOT_MANAGEMENT',
        ResourceTypes: p.resourceTypes ?? ['VOLUME'],
        ResourceLocations: ['CLOUD'],
        TargetTags: Object.entries(p.targetTags ?? {}).map(([Key, Value]) => ({ Key, Value })),
        Schedules: [{ Name: 'daily', CreateRule: { Interval: 24, IntervalUnit: 'HOURS', Times: ['03:00'] }, RetainRule: { Count: 7 } }],
        PolicyLanguage: 'STANDARD',
      };
  return {
    Policy: {
      PolicyId: id,
      PolicyArn: `arn:aws:dlm:${ctx.region}:${ctx.account.id}:policy/${id}`,
      Description: p.description,
      State: p.state ?? 'ENABLED',
      ExecutionRoleArn: `arn:aws:iam::${ctx.account.id}:role/service-role/AWSDataLifecycleManagerDefaultRole`,
      DefaultPolicy: p.default !== undefined,
      Tags: {},
      PolicyDetails: details,
    },
  };
}

export const dlm = defineService({
  signingName: 'dlm',
  actionPrefix: 'dlm',
  protocol: restJson,
  operations: {
    GetLifecyclePolicies: { http: 'GET /policies', handler: getLifecyclePolicies },
    GetLifecyclePolicy: { http: 'GET /policies/{PolicyId}', handler: getLifecyclePolicy },
  },
});
