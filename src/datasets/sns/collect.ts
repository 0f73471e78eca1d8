import type * as SdkSns from '@aws-sdk/client-sns';
import type { Subscription } from '@aws-sdk/client-sns';
import { defineCollector } from '../../contract/collector.js';
import { snsSubscriptions, type SnsSubscription } from './datasets.js';
import { collectPages, hostOf, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { paginateListSubscriptions, SNSClient } = sdkModule<typeof SdkSns>('@aws-sdk/client-sns');

/** Unconfirmed subscriptions have this literal SubscriptionArn. https://docs.aws.amazon.com/sns/latest/api/API_Subscription.html */
const PENDING = 'PendingConfirmation';

/** Where a subscription delivers, without secrets: a host or domain, or an AWS resource's ARN. */
function destinationOf(protocol: string, endpoint: string | undefined): Pick<SnsSubscription, 'endpointHost' | 'endpointArn'> {
  if (!endpoint) return {};
  if (protocol === 'http' || protocol === 'https') return { endpointHost: hostOf(endpoint) };
  if (protocol.startsWith('email')) return { endpointHost: endpoint.slice(endpoint.lastIndexOf('@') + 1).toLowerCase() };
  if (endpoint.startsWith('arn:')) return { endpointArn: endpoint };
  return {};
}

function toSubscription(s: Subscription): SnsSubscription {
  const protocol = required(s.Protocol, 'Subscription.Protocol');
  return {
    topicArn: required(s.TopicArn, 'Subscription.TopicArn'),
    protocol,
    confirmed: s.SubscriptionArn !== undefined && s.SubscriptionArn !== PENDING,
    ...destinationOf(protocol, s.Endpoint),
  };
}

const collectSubscriptions = defineCollector(snsSubscriptions, async (ctx) => {
  const client = ctx.clients.get(SNSClient);
  const subscriptions = await collectPages(paginateListSubscriptions({ client }, {}), (page) => page.Subscriptions);
  return { subscriptions: subscriptions.map(toSubscription) };
});

export const COLLECTORS = [collectSubscriptions];
