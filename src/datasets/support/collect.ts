import type * as SdkSupport from '@aws-sdk/client-support';
import { defineCollector } from '../../contract/collector.js';
import { supportPlan } from './datasets.js';
import { isErrorNamed } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { DescribeSeverityLevelsCommand, SupportClient } = sdkModule<typeof SdkSupport>('@aws-sdk/client-support');

const collectSupportPlan = defineCollector(supportPlan, async (ctx) => {
  const support = ctx.clients.get(SupportClient);
  try {
    const { severityLevels } = await support.send(new DescribeSeverityLevelsCommand({}));
    return { subscribed: true, severityCodes: (severityLevels ?? []).flatMap((level) => (level.code ? [level.code] : [])) };
  } catch (err) {
    // Basic and Developer plans get this answer instead of data: it tells us the plan.
    if (isErrorNamed(err, 'SubscriptionRequiredException')) return { subscribed: false, severityCodes: [] };
    throw err;
  }
});

export const COLLECTORS = [collectSupportPlan];
