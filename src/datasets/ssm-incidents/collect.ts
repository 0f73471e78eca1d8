import type * as SdkSsmIncidents from '@aws-sdk/client-ssm-incidents';
import { defineCollector } from '../../contract/collector.js';
import { responsePlans } from './datasets.js';
import { collectPages, isServiceAbsentFromRegion, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { paginateListResponsePlans, SSMIncidentsClient } = sdkModule<typeof SdkSsmIncidents>('@aws-sdk/client-ssm-incidents');

const collectResponsePlans = defineCollector(responsePlans, async (ctx) => {
  const client = ctx.clients.get(SSMIncidentsClient);
  try {
    const plans = await collectPages(paginateListResponsePlans({ client }, {}), (page) => page.responsePlanSummaries);
    return { available: true, responsePlans: plans.map((p) => ({ arn: required(p.arn, 'ResponsePlanSummary.arn'), name: required(p.name, 'ResponsePlanSummary.name') })) };
  } catch (err) {
    if (isServiceAbsentFromRegion(err)) return { available: false, responsePlans: [] };
    throw err;
  }
});

export const COLLECTORS = [collectResponsePlans];
