import type * as SdkConfigService from '@aws-sdk/client-config-service';
import type { ConfigurationRecorder, ConfigurationRecorderStatus } from '@aws-sdk/client-config-service';
import { defineCollector } from '../../contract/collector.js';
import { configRecorders, configResourceCounts, configRules } from './datasets.js';
import type { ConfigRecorder } from './datasets.js';
import { collectPages, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
  paginateDescribeConfigRules,
  paginateGetDiscoveredResourceCounts,
  paginateDescribeConformancePackStatus,
} = sdkModule<typeof SdkConfigService>('@aws-sdk/client-config-service');

function toRecorder(recorder: ConfigurationRecorder, statuses: ConfigurationRecorderStatus[]): ConfigRecorder {
  const name = required(recorder.name, 'ConfigurationRecorder.name');
  const status = required(
    statuses.find((s) => s.name === name),
    `DescribeConfigurationRecorderStatus entry for recorder ${name}`,
  );
  const group = recorder.recordingGroup;
  return {
    name,
    arn: recorder.arn,
    servicePrincipal: recorder.servicePrincipal,
    recording: status.recording === true,
    // Kept as AWS spells it (Pending | Success | Failure | NotApplicable).
    lastStatus: status.lastStatus,
    allSupported: group?.allSupported === true,
    includeGlobalResourceTypes: group?.includeGlobalResourceTypes === true,
    resourceTypes: group?.resourceTypes ?? [],
    recordingStrategy: group?.recordingStrategy?.useOnly,
    excludedResourceTypes: group?.exclusionByResourceTypes?.resourceTypes,
  };
}

const collectConfigRecorders = defineCollector(configRecorders, async (ctx) => {
  const config = ctx.clients.get(ConfigServiceClient);
  // Without arguments these calls describe the account's customer-managed recorder (at most one per region).
  const [recorders, statuses, channels] = await Promise.all([
    config.send(new DescribeConfigurationRecordersCommand({})),
    config.send(new DescribeConfigurationRecorderStatusCommand({})),
    config.send(new DescribeDeliveryChannelsCommand({})),
  ]);
  return {
    recorders: (recorders.ConfigurationRecorders ?? []).map((r) => toRecorder(r, statuses.ConfigurationRecordersStatus ?? [])),
    deliveryChannels: (channels.DeliveryChannels ?? []).map((channel) => ({
      name: required(channel.name, 'DeliveryChannel.name'),
      snsTopicArn: channel.snsTopicARN,
      s3BucketName: channel.s3BucketName,
    })),
  };
});

const collectConfigRules = defineCollector(configRules, async (ctx) => {
  const client = ctx.clients.get(ConfigServiceClient);
  const [rules, packs] = await Promise.all([
    collectPages(paginateDescribeConfigRules({ client }, {}), (page) => page.ConfigRules),
    collectPages(paginateDescribeConformancePackStatus({ client }, {}), (page) => page.ConformancePackStatusDetails),
  ]);
  return {
    rules: rules.map((rule) => ({
      name: required(rule.ConfigRuleName, 'ConfigRuleName'),
      arn: required(rule.ConfigRuleArn, 'ConfigRuleArn'),
      state: required(rule.ConfigRuleState, 'ConfigRuleState'),
    })),
    conformancePacks: packs.map((pack) => ({
      name: required(pack.ConformancePackName, 'ConformancePackName'),
      arn: required(pack.ConformancePackArn, 'ConformancePackArn'),
      state: required(pack.ConformancePackState, 'ConformancePackState'),
    })),
  };
});

const collectResourceCounts = defineCollector(configResourceCounts, async (ctx) => {
  // Counts exist only for what a recorder records; without one there is nothing to ask.
  // https://docs.aws.amazon.com/config/latest/APIReference/API_GetDiscoveredResourceCounts.html
  const { recorders } = await ctx.dataset(configRecorders);
  if (!recorders.some((r) => r.recording)) return { recording: false, total: 0, counts: [] };
  const client = ctx.clients.get(ConfigServiceClient);
  const counts = await collectPages(paginateGetDiscoveredResourceCounts({ client }, {}), (page) => page.resourceCounts);
  const byType = counts.map((c) => ({ resourceType: required(c.resourceType, 'ResourceCount.resourceType'), count: c.count ?? 0 }));
  return { recording: true, total: byType.reduce((sum, c) => sum + c.count, 0), counts: byType };
});

export const COLLECTORS = [collectConfigRecorders, collectConfigRules, collectResourceCounts];
