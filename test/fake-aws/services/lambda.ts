// Lambda (restJson 1): functions of the region with their environment variables, 50 a page.

import { optionalNumber, paginate } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface LambdaFunctionSpec {
  name: string;
  runtime?: string;
  environment?: Record<string, string>;
  subnets?: string[];
  /** Served by the Resource Groups Tagging API (tagging.ts); ListFunctions returns no tags. */
  tags?: Record<string, string>;
}

declare module '../scenario.js' {
  interface RegionSpec {
    lambda?: LambdaFunctionSpec[];
  }
}

function listFunctions(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const page = paginate(ctx.regionSpec.lambda ?? [], form.get('Marker'), Math.min(optionalNumber(form.get('MaxItems')) ?? 50, 50), 'InvalidParameterValueException');
  return {
    Functions: page.items.map((fn) => ({
      FunctionName: fn.name,
      FunctionArn: `arn:aws:lambda:${ctx.region}:${ctx.account.id}:function:${fn.name}`,
      Runtime: fn.runtime ?? 'nodejs20.x',
      Role: `arn:aws:iam::${ctx.account.id}:role/${fn.name}-role`,
      Handler: 'index.handler',
      PackageType: 'Zip',
      LastModified: '2026-10-01T12:00:00.000+0000',
      Environment: fn.environment ? { Variables: fn.environment } : undefined,
      VpcConfig: fn.subnets ? { SubnetIds: fn.subnets, SecurityGroupIds: [], VpcId: 'vpc-0a1b2c3d4e5f60001' } : undefined,
    })),
    NextMarker: page.nextToken,
  };
}

export const lambda = defineService({
  signingName: 'lambda',
  actionPrefix: 'lambda',
  protocol: restJson,
  operations: { ListFunctions: { http: 'GET /2015-03-31/functions', handler: listFunctions } },
});
