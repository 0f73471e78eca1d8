import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeDeliveryChannelsCommand,
  GetDiscoveredResourceCountsCommand,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { configResourceCounts } from '../../src/datasets/config/datasets.js';
import { collect, testContext } from './context.js';

const config = mockClient(ConfigServiceClient);

function recorder(recording: boolean): void {
  config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [{ name: 'default', recordingGroup: { allSupported: true } }] });
  config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [{ name: 'default', recording }] });
  config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [] });
}

describe('config.resourceCounts', () => {
  beforeEach(() => config.reset());

  it('counts the recorded resources by type where a recorder records', async () => {
    recorder(true);
    config.on(GetDiscoveredResourceCountsCommand)
      .resolvesOnce({ resourceCounts: [{ resourceType: 'AWS::EC2::Instance', count: 3 }], nextToken: 'n' })
      .resolvesOnce({ resourceCounts: [{ resourceType: 'AWS::S3::Bucket', count: 7 }] });
    expect(await collect(configResourceCounts, testContext())).toEqual({
      recording: true,
      total: 10,
      counts: [
        { resourceType: 'AWS::EC2::Instance', count: 3 },
        { resourceType: 'AWS::S3::Bucket', count: 7 },
      ],
    });
  });

  it('asks nothing where no recorder records', async () => {
    recorder(false);
    expect(await collect(configResourceCounts, testContext())).toEqual({ recording: false, total: 0, counts: [] });
    expect(config.commandCalls(GetDiscoveredResourceCountsCommand)).toHaveLength(0);
  });
});
