import { ListSubscriptionsCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { snsSubscriptions } from '../../src/datasets/sns/datasets.js';
import { awsError, collect, testContext } from './context.js';

const sns = mockClient(SNSClient);
const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:security';

describe('sns.subscriptions', () => {
  beforeEach(() => sns.reset());

  it('keeps where each subscription delivers without tokens or addresses, and whether it is confirmed', async () => {
    sns.on(ListSubscriptionsCommand)
      .resolvesOnce({
        Subscriptions: [
          { SubscriptionArn: `${TOPIC}:1`, TopicArn: TOPIC, Protocol: 'https', Endpoint: 'https://events.pagerduty.com/integration/abc123/enqueue' },
          { SubscriptionArn: 'PendingConfirmation', TopicArn: TOPIC, Protocol: 'email', Endpoint: 'SecOps@Example.com' },
        ],
        NextToken: 'n',
      })
      .resolvesOnce({
        Subscriptions: [
          { SubscriptionArn: `${TOPIC}:3`, TopicArn: TOPIC, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:eu-west-1:111122223333:q' },
          { SubscriptionArn: `${TOPIC}:4`, TopicArn: TOPIC, Protocol: 'sms', Endpoint: '+15555550100' },
        ],
      });
    expect(await collect(snsSubscriptions, testContext())).toEqual({
      subscriptions: [
        { topicArn: TOPIC, protocol: 'https', confirmed: true, endpointHost: 'events.pagerduty.com' },
        { topicArn: TOPIC, protocol: 'email', confirmed: false, endpointHost: 'example.com' },
        { topicArn: TOPIC, protocol: 'sqs', confirmed: true, endpointArn: 'arn:aws:sqs:eu-west-1:111122223333:q' },
        { topicArn: TOPIC, protocol: 'sms', confirmed: true },
      ],
    });
  });

  it('lets a refused call propagate', async () => {
    sns.on(ListSubscriptionsCommand).rejects(awsError('AuthorizationError'));
    await expect(collect(snsSubscriptions, testContext())).rejects.toMatchObject({ name: 'AuthorizationError' });
  });
});
