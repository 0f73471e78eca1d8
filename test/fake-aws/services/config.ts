// AWS Config (awsJson 1.1): recorders and their status, delivery channels, rules, conformance packs.

import { optionalNumber, paginate } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface ConfigSpec {
  recorders?: {
    name: string;
    servicePrincipal?: string;
    recording?: boolean;
    lastStatus?: 'Pending' | 'Success' | 'Failure' | 'NotApplicable';
    allSupported?: boolean;
    includeGlobalResourceTypes?: boolean;
    resourceTypes?: string[];
  }[];
  deliveryChannels?: { name: string; s3BucketName?: string; snsTopicArn?: string }[];
  rules?: { name: string; state?: 'ACTIVE' | 'DELETING' | 'DELETING_RESULTS' | 'EVALUATING'; sourceIdentifier?: string }[];
  conformancePacks?: { name: string; state?: 'CREATE_COMPLETE' | 'CREATE_IN_PROGRESS' | 'CREATE_FAILED' | 'DELETE_IN_PROGRESS' | 'DELETE_FAILED' }[];
  /** Resources recorded, by type (AWS::EC2::Instance: 3). */
  resourceCounts?: Record<string, number>;
}

declare module '../scenario.js' {
  interface RegionSpec {
    config?: ConfigSpec;
  }
}

function configOf(ctx: HandlerContext): ConfigSpec {
  return ctx.regionSpec.config ?? {};
}

function arnOf(ctx: HandlerContext, kind: string, name: string): string {
  return `arn:aws:config:${ctx.region}:${ctx.account.id}:${kind}/${name}`;
}

function recorders(ctx: HandlerContext): unknown {
  return {
    ConfigurationRecorders: (configOf(ctx).recorders ?? []).map((r) => ({
      arn: arnOf(ctx, 'configuration-recorder', r.name),
      name: r.name,
      roleARN: `arn:aws:iam::${ctx.account.id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
      recordingGroup: {
        allSupported: r.allSupported ?? true,
        includeGlobalResourceTypes: r.includeGlobalResourceTypes ?? false,
        resourceTypes: r.resourceTypes ?? [],
        recordingStrategy: { useOnly: r.allSupported === false ? 'INCLUSION_BY_RESOURCE_TYPES' : 'ALL_SUPPORTED_RESOURCE_TYPES' },
      },
      recordingMode: { recordingFrequency: 'CONTINUOUS' },
      recordingScope: r.servicePrincipal ? 'INTERNAL' : 'PAID',
      servicePrincipal: r.servicePrincipal,
    })),
  };
}

function recorderStatus(ctx: HandlerContext): unknown {
  const at = epochSeconds(new Date(ctx.now.getTime() - 3_600_000));
  return {
    ConfigurationRecordersStatus: (configOf(ctx).recorders ?? []).map((r) => ({
      arn: arnOf(ctx, 'configuration-recorder', r.name),
      name: r.name,
      recording: r.recording ?? true,
      lastStatus: r.lastStatus ?? 'Success',
      lastStartTime: at,
      lastStatusChangeTime: at,
      lastErrorCode: r.lastStatus === 'Failure' ? 'AccessDenied' : undefined,
      servicePrincipal: r.servicePrincipal,
    })),
  };
}

function deliveryChannels(ctx: HandlerContext): unknown {
  return {
    DeliveryChannels: (configOf(ctx).deliveryChannels ?? []).map((c) => ({
      name: c.name,
      s3BucketName: c.s3BucketName,
      snsTopicARN: c.snsTopicArn,
      configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
    })),
  };
}

function configRules(ctx: HandlerContext): unknown {
  const rules = (configOf(ctx).rules ?? []).map((r, i) => ({
    ConfigRuleName: r.name,
    ConfigRuleArn: arnOf(ctx, 'config-rule', `config-rule-${String(i).padStart(6, '0')}`),
    ConfigRuleId: `config-rule-${String(i).padStart(6, '0')}`,
    Source: { Owner: 'AWS', SourceIdentifier: r.sourceIdentifier ?? 'S3_BUCKET_VERSIONING_ENABLED' },
    ConfigRuleState: r.state ?? 'ACTIVE',
  }));
  const page = paginate(rules, ctx.input.json.NextToken, 25, 'InvalidNextTokenException');
  return { ConfigRules: page.items, NextToken: page.nextToken };
}

function packs(ctx: HandlerContext) {
  return (configOf(ctx).conformancePacks ?? []).map((p, i) => ({
    name: p.name,
    id: `conformance-pack-${String(i).padStart(6, '0')}`,
    arn: arnOf(ctx, 'conformance-pack', `${p.name}/conformance-pack-${String(i).padStart(6, '0')}`),
    state: p.state ?? 'CREATE_COMPLETE',
  }));
}

function conformancePacks(ctx: HandlerContext): unknown {
  const page = paginate(packs(ctx), ctx.input.json.NextToken, 20, 'InvalidNextTokenException');
  return {
    ConformancePackDetails: page.items.map((p) => ({
      ConformancePackName: p.name, ConformancePackArn: p.arn, ConformancePackId: p.id,
      LastUpdateRequestedTime: epochSeconds(ctx.now),
    })),
    NextToken: page.nextToken,
  };
}

function conformancePackStatus(ctx: HandlerContext): unknown {
  const page = paginate(packs(ctx), ctx.input.json.NextToken, 20, 'InvalidNextTokenException');
  return {
    ConformancePackStatusDetails: page.items.map((p) => ({
      ConformancePackName: p.name, ConformancePackId: p.id, ConformancePackArn: p.arn, ConformancePackState: p.state,
      StackArn: `arn:aws:cloudformation:${ctx.region}:${ctx.account.id}:stack/awsconfigconforms-${p.name}/fake`,
      LastUpdateRequestedTime: epochSeconds(ctx.now),
    })),
    NextToken: page.nextToken,
  };
}

function discoveredResourceCounts(ctx: HandlerContext): unknown {
  const counts = Object.entries(configOf(ctx).resourceCounts ?? {}).map(([resourceType, count]) => ({ resourceType, count }));
  const page = paginate(counts, ctx.input.json.nextToken, optionalNumber(ctx.input.json.limit) ?? 100, 'InvalidNextTokenException');
  return { totalDiscoveredResources: counts.reduce((sum, c) => sum + c.count, 0), resourceCounts: page.items, nextToken: page.nextToken };
}

export const config = defineService({
  signingName: 'config',
  actionPrefix: 'config',
  protocol: awsJson('StarlingDoveService'),
  operations: {
    DescribeConfigurationRecorders: recorders,
    DescribeConfigurationRecorderStatus: recorderStatus,
    DescribeDeliveryChannels: deliveryChannels,
    DescribeConfigRules: configRules,
    DescribeConformancePacks: conformancePacks,
    DescribeConformancePackStatus: conformancePackStatus,
    GetDiscoveredResourceCounts: discoveredResourceCounts,
  },
});
