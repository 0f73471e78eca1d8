// Amazon SNS (awsQuery): the region's subscriptions. An unconfirmed one has the literal
// SubscriptionArn `PendingConfirmation`, as SNS answers.

import { paginate } from '../params.js';
import { awsQuery } from '../protocols/query.js';
import { defineService, type HandlerContext } from '../service.js';

export interface SnsSubscriptionSpec {
  topic: string;
  protocol: 'http' | 'https' | 'email' | 'email-json' | 'sms' | 'sqs' | 'lambda' | 'firehose' | 'application';
  endpoint: string;
  /** Default true. */
  confirmed?: boolean;
}

declare module '../scenario.js' {
  interface RegionSpec {
    snsSubscriptions?: SnsSubscriptionSpec[];
  }
}

function listSubscriptions(ctx: HandlerContext): unknown {
  const subscriptions = (ctx.regionSpec.snsSubscriptions ?? []).map((s, i) => {
    const topicArn = `arn:aws:sns:${ctx.region}:${ctx.account.id}:${s.topic}`;
    return {
      SubscriptionArn: s.confirmed === false ? 'PendingConfirmation' : `${topicArn}:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      Owner: ctx.account.id,
      Protocol: s.protocol,
      Endpoint: s.endpoint,
      TopicArn: topicArn,
    };
  });
  // SNS lists up to 100 per page.
  const page = paginate(subscriptions, ctx.input.form.get('NextToken') ?? undefined, 100, 'InvalidParameter');
  return { Subscriptions: page.items, NextToken: page.nextToken };
}

export const sns = defineService({
  signingName: 'sns',
  actionPrefix: 'sns',
  protocol: awsQuery('http://sns.amazonaws.com/doc/2010-03-31/'),
  operations: { ListSubscriptions: listSubscriptions },
});
