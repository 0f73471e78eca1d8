import {
  ConfigServiceClient,
  DescribeConfigRulesCommand,
  DescribeConfigurationRecordersCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConformancePackStatusCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { configRecorders, configRules } from '../../src/datasets/config/datasets.js';
import { ACCOUNT_ID, awsError, collect, REGION, testContext } from './context.js';

const config = mockClient(ConfigServiceClient);

beforeEach(() => config.reset());

describe('config.recorders', () => {
  it('joins recorders with their status and lists delivery channels', async () => {
    config.on(DescribeConfigurationRecordersCommand).resolves({
      ConfigurationRecorders: [
        {
          name: 'default',
          arn: `arn:aws:config:${REGION}:${ACCOUNT_ID}:configuration-recorder/default/abc`,
          roleARN: 'arn:aws:iam::111122223333:role/config',
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] },
        },
        {
          name: 'AWSConfigurationRecorderForSecurityHub',
          servicePrincipal: 'securityhub.amazonaws.com',
          recordingGroup: {
            allSupported: false,
            includeGlobalResourceTypes: false,
            resourceTypes: [],
            exclusionByResourceTypes: { resourceTypes: ['AWS::EC2::NetworkInterface'] },
            recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
          },
        },
      ],
    });
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({
      ConfigurationRecordersStatus: [
        { name: 'default', recording: true, lastStatus: 'Success' },
        { name: 'AWSConfigurationRecorderForSecurityHub', recording: false, lastStatus: 'Pending' },
      ],
    });
    config.on(DescribeDeliveryChannelsCommand).resolves({
      DeliveryChannels: [{ name: 'default', s3BucketName: 'config-bucket', snsTopicARN: 'arn:aws:sns:eu-west-1:111122223333:config' }],
    });

    expect(await collect(configRecorders, testContext())).toEqual({
      recorders: [
        {
          name: 'default',
          arn: `arn:aws:config:${REGION}:${ACCOUNT_ID}:configuration-recorder/default/abc`,
          recording: true,
          lastStatus: 'Success',
          allSupported: true,
          includeGlobalResourceTypes: true,
          resourceTypes: [],
        },
        {
          name: 'AWSConfigurationRecorderForSecurityHub',
          servicePrincipal: 'securityhub.amazonaws.com',
          recording: false,
          lastStatus: 'Pending',
          allSupported: false,
          includeGlobalResourceTypes: false,
          resourceTypes: [],
          recordingStrategy: 'EXCLUSION_BY_RESOURCE_TYPES',
          excludedResourceTypes: ['AWS::EC2::NetworkInterface'],
        },
      ],
      deliveryChannels: [{ name: 'default', s3BucketName: 'config-bucket', snsTopicArn: 'arn:aws:sns:eu-west-1:111122223333:config' }],
    });
  });

  it('returns no recorders when Config was never set up', async () => {
    config.on(DescribeConfigurationRecordersCommand).resolves({ ConfigurationRecorders: [] });
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({ ConfigurationRecordersStatus: [] });
    config.on(DescribeDeliveryChannelsCommand).resolves({ DeliveryChannels: [] });
    expect(await collect(configRecorders, testContext())).toEqual({ recorders: [], deliveryChannels: [] });
  });

  it('lets AccessDenied propagate', async () => {
    config.on(DescribeConfigurationRecordersCommand).rejects(awsError('AccessDeniedException'));
    config.on(DescribeConfigurationRecorderStatusCommand).resolves({});
    config.on(DescribeDeliveryChannelsCommand).resolves({});
    await expect(collect(configRecorders, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('config.rules', () => {
  it('lists rules and conformance packs with their states across pages', async () => {
    config
      .on(DescribeConfigRulesCommand)
      .resolvesOnce({ ConfigRules: [{ ConfigRuleName: 'ebs-encrypted', ConfigRuleArn: 'arn:rule/1', ConfigRuleState: 'ACTIVE', Source: undefined }], NextToken: 'n' })
      .resolvesOnce({ ConfigRules: [{ ConfigRuleName: 's3-public', ConfigRuleArn: 'arn:rule/2', ConfigRuleState: 'EVALUATING', Source: undefined }] });
    config
      .on(DescribeConformancePackStatusCommand)
      .resolvesOnce({
        ConformancePackStatusDetails: [
          {
            ConformancePackName: 'baseline',
            ConformancePackId: 'p1',
            ConformancePackArn: 'arn:pack/1',
            ConformancePackState: 'CREATE_COMPLETE',
            StackArn: 's',
            LastUpdateRequestedTime: new Date(),
          },
        ],
        NextToken: 'n',
      })
      .resolvesOnce({
        ConformancePackStatusDetails: [
          {
            ConformancePackName: 'broken',
            ConformancePackId: 'p2',
            ConformancePackArn: 'arn:pack/2',
            ConformancePackState: 'CREATE_FAILED',
            StackArn: 's',
            LastUpdateRequestedTime: new Date(),
          },
        ],
      });

    expect(await collect(configRules, testContext())).toEqual({
      rules: [
        { name: 'ebs-encrypted', arn: 'arn:rule/1', state: 'ACTIVE' },
        { name: 's3-public', arn: 'arn:rule/2', state: 'EVALUATING' },
      ],
      conformancePacks: [
        { name: 'baseline', arn: 'arn:pack/1', state: 'CREATE_COMPLETE' },
        { name: 'broken', arn: 'arn:pack/2', state: 'CREATE_FAILED' },
      ],
    });
    expect(config.commandCalls(DescribeConfigRulesCommand)[1]!.args[0].input.NextToken).toBe('n');
  });

  it('lets AccessDenied propagate', async () => {
    config.on(DescribeConfigRulesCommand).rejects(awsError('AccessDeniedException'));
    config.on(DescribeConformancePackStatusCommand).resolves({});
    await expect(collect(configRules, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
