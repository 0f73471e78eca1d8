// AWS FIS (restJson 1): experiments, listed and described.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate } from '../params.js';
import { epochSeconds } from '../protocols/json.js';
import { restJson } from '../protocols/rest-json.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface FisExperimentSpec {
  id: string;
  status?: 'pending' | 'initiating' | 'running' | 'completed' | 'stopping' | 'stopped' | 'failed';
  /** When it ran; default `-30d`. */
  started?: When;
  /** Action IDs, e.g. `aws:ec2:stop-instances`. */
  actions: string[];
  /** Filters every target by `Placement.AvailabilityZone` = `<region>a`. */
  zonal?: boolean;
}

declare module '../scenario.js' {
  interface RegionSpec {
    fis?: FisExperimentSpec[];
  }
}

const experimentsOf = (ctx: HandlerContext) => ctx.regionSpec.fis ?? [];

function summary(ctx: HandlerContext, e: FisExperimentSpec) {
  return {
    id: e.id,
    experimentTemplateId: `EXT${e.id}`,
    state: { status: e.status ?? 'completed', reason: e.status === 'failed' ? 'Target resolution failed.' : 'Experiment completed.' },
    creationTime: epochSeconds(resolveWhen(e.started ?? '-30d', ctx.now)),
    tags: {},
  };
}

function listExperiments(ctx: HandlerContext): unknown {
  const page = paginate(experimentsOf(ctx), ctx.input.form.get('nextToken'), optionalNumber(ctx.input.form.get('maxResults')) ?? 100, 'ValidationException');
  return { experiments: page.items.map((e) => summary(ctx, e)), nextToken: page.nextToken };
}

function getExperiment(ctx: HandlerContext): unknown {
  const id = ctx.input.pathParams.id;
  const e = experimentsOf(ctx).find((x) => x.id === id);
  if (!e) throw new FakeAwsError('ResourceNotFoundException', 404, `Experiment not found: ${id}`);
  const started = resolveWhen(e.started ?? '-30d', ctx.now);
  const filters = e.zonal ? [{ path: 'Placement.AvailabilityZone', values: [`${ctx.region}a`] }] : [];
  return {
    experiment: {
      ...summary(ctx, e),
      roleArn: `arn:aws:iam::${ctx.account.id}:role/fis-experiments`,
      startTime: epochSeconds(started),
      endTime: epochSeconds(new Date(started.getTime() + 1_800_000)),
      targets: Object.fromEntries(e.actions.map((_, i) => [`target-${i}`, { resourceType: 'aws:ec2:instance', resourceTags: { Env: 'staging' }, filters, selectionMode: 'ALL' }])),
      actions: Object.fromEntries(
        e.actions.map((actionId, i) => [`action-${i}`, { actionId, parameters: {}, targets: { Instances: `target-${i}` }, state: { status: 'completed' } }]),
      ),
      stopConditions: [{ source: 'none' }],
    },
  };
}

export const fis = defineService({
  signingName: 'fis',
  actionPrefix: 'fis',
  protocol: restJson,
  operations: {
    ListExperiments: { http: 'GET /experiments', handler: listExperiments },
    GetExperiment: { http: 'GET /experiments/{id}', handler: getExperiment },
  },
});
