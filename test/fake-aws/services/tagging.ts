// Resource Groups Tagging API (awsJson 1.1, target ResourceGroupsTaggingAPI_20170126): GetResources
// lists the tagged resources of the region, filtered by resource type; the last page carries an empty
// PaginationToken, as AWS sends it. Lambda functions' tags come from their own spec, other
// resources' (load balancers) from `resourceTags`.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate } from '../params.js';
import { awsJson } from '../protocols/json.js';
import { defineService, type HandlerContext } from '../service.js';

declare module '../scenario.js' {
  interface RegionSpec {
    /** Tags by resource ARN, for resources whose spec has no tags of its own. */
    resourceTags?: Record<string, Record<string, string>>;
  }
}

/** `lambda:function` for arn:aws:lambda:r:a:function:x; `elasticloadbalancing:loadbalancer` for .../loadbalancer/app/x/y. */
function resourceTypeOf(arn: string): string {
  const [, , service, , , resource = ''] = arn.split(':');
  return `${service}:${resource.split(/[/:]/)[0]}`;
}

function taggedIn(ctx: HandlerContext): [string, Record<string, string>][] {
  const functions = (ctx.regionSpec.lambda ?? []).flatMap((fn) =>
    fn.tags && Object.keys(fn.tags).length > 0 ? [[`arn:aws:lambda:${ctx.region}:${ctx.account.id}:function:${fn.name}`, fn.tags] as [string, Record<string, string>]] : [],
  );
  return [...functions, ...Object.entries(ctx.regionSpec.resourceTags ?? {})];
}

function getResources(ctx: HandlerContext): unknown {
  const { ResourceTypeFilters: types, ResourcesPerPage: perPage, PaginationToken: token } = ctx.input.json as { ResourceTypeFilters?: string[]; ResourcesPerPage?: number; PaginationToken?: string };
  const size = optionalNumber(perPage) ?? 50;
  if (size < 1 || size > 100) throw new FakeAwsError('InvalidParameterException', 400, 'ResourcesPerPage must be between 1 and 100.');
  const matching = taggedIn(ctx).filter(([arn]) => !types?.length || types.includes(resourceTypeOf(arn)));
  const page = paginate(matching, token, size, 'PaginationTokenExpiredException');
  return {
    ResourceTagMappingList: page.items.map(([arn, tags]) => ({ ResourceARN: arn, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) })),
    PaginationToken: page.nextToken ?? '',
  };
}

export const tagging = defineService({
  signingName: 'tagging',
  actionPrefix: 'tag',
  protocol: awsJson('ResourceGroupsTaggingAPI_20170126'),
  operations: { GetResources: getResources },
});
