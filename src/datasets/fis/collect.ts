import type * as SdkFis from '@aws-sdk/client-fis';
import type { Experiment } from '@aws-sdk/client-fis';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, isoDate, isServiceAbsentFromRegion, olderClient, required } from '../sdk.js';
import { experiments, type ExperimentInfo, type ExperimentsEvidence } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { FisClient, GetExperimentCommand, paginateListExperiments } = sdkModule<typeof SdkFis>('@aws-sdk/client-fis');
type FisClient = SdkFis.FisClient;

/** Experiments are described for 13 months, so a check judging "within 12 months" at replay time still has them. */
const WINDOW_DAYS = 396;

function toExperiment(experiment: Experiment): ExperimentInfo {
  return {
    id: required(experiment.id, 'id'),
    templateId: experiment.experimentTemplateId,
    status: required(experiment.state?.status, 'state.status'),
    creationTime: isoDate(experiment.creationTime),
    startTime: isoDate(experiment.startTime),
    endTime: isoDate(experiment.endTime),
    actions: Object.entries(experiment.actions ?? {}).map(([name, action]) => ({
      name,
      actionId: required(action.actionId, 'actionId'),
      parameters: action.parameters ?? {},
      targets: action.targets ?? {},
      status: action.state?.status,
    })),
    targets: Object.entries(experiment.targets ?? {}).map(([name, target]) => ({
      name,
      resourceType: target.resourceType,
      filters: (target.filters ?? []).map((f) => ({ path: f.path ?? '', values: f.values ?? [] })),
      parameters: target.parameters ?? {},
      resourceTags: target.resourceTags ?? {},
      resourceArnCount: target.resourceArns?.length ?? 0,
    })),
  };
}

async function listed(client: FisClient, since: Date): Promise<Omit<ExperimentsEvidence, 'offered' | 'since'>> {
  const summaries = await collectPages(paginateListExperiments({ client }, { maxResults: 100 }), (page) => page.experiments);
  const recent = summaries.filter((s) => s.state?.status === 'completed' && (s.creationTime ?? new Date(0)) >= since);
  const described = await Promise.all(
    recent.map(async (s) => required((await client.send(new GetExperimentCommand({ id: required(s.id, 'id') }))).experiment, `experiment ${s.id}`)),
  );
  return { completed: described.map(toExperiment), otherCount: summaries.length - recent.length };
}

const collectExperiments = defineCollector(experiments, async (ctx) => {
  const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000);
  try {
    return { offered: true, ...(await listed(olderClient(ctx.clients, FisClient), since)), since: since.toISOString() };
  } catch (err) {
    // No DNS name for fis.<region>.amazonaws.com: the service does not exist in this region.
    if (isServiceAbsentFromRegion(err)) return { offered: false, completed: [], otherCount: 0, since: since.toISOString() };
    throw err;
  }
});

export const COLLECTORS = [collectExperiments];
