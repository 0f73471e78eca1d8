// Amazon SNS datasets: the subscriptions of a region's topics, confirmed or not, and where they
// deliver. The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface SnsSubscription {
  topicArn: string;
  /** http, https, email, email-json, sms, sqs, lambda, firehose, application. */
  protocol: string;
  /** False while the endpoint has not confirmed (SubscriptionArn `PendingConfirmation`). */
  confirmed: boolean;
  /** http(s): the URL's host (its path may carry a token); email: the domain. Phone numbers are not kept. */
  endpointHost?: string;
  /** sqs, lambda, firehose: the target's ARN. */
  endpointArn?: string;
}

export interface SnsSubscriptionsEvidence {
  subscriptions: SnsSubscription[];
}

export const snsSubscriptions = defineDataset<SnsSubscriptionsEvidence>({
  id: 'sns.subscriptions',
  scope: 'regional',
  actions: ['sns:ListSubscriptions'],
});
