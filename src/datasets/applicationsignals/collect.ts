import type * as SdkApplicationSignals from '@aws-sdk/client-application-signals';
import { defineCollector } from '../../contract/collector.js';
import { serviceLevelObjectives } from './datasets.js';
import { collectPages, isServiceAbsentFromRegion, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  ApplicationSignalsClient,
  paginateListServiceLevelObjectives,
} = sdkModule<typeof SdkApplicationSignals>('@aws-sdk/client-application-signals');

const collectSlos = defineCollector(serviceLevelObjectives, async (ctx) => {
  const client = ctx.clients.get(ApplicationSignalsClient);
  try {
    const slos = await collectPages(paginateListServiceLevelObjectives({ client }, {}), (page) => page.SloSummaries);
    return { available: true, slos: slos.map((slo) => ({ arn: required(slo.Arn, 'SloSummary.Arn'), name: required(slo.Name, 'SloSummary.Name') })) };
  } catch (err) {
    if (isServiceAbsentFromRegion(err)) return { available: false, slos: [] };
    throw err;
  }
});

export const COLLECTORS = [collectSlos];
