// CloudWatch Observability Access Manager (restJson 1): links to monitoring-account sinks, and sinks.

import { optionalNumber, paginate, stableId } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

declare module '../scenario.js' {
  interface RegionSpec {
    /** Links of a source account: the monitoring account each one shares telemetry with. */
    oamLinks?: { monitoringAccount: string; label?: string }[];
    /** Sink names of a monitoring account. */
    oamSinks?: string[];
  }
}

function sinkArn(region: string, account: string, name: string): string {
  return `arn:aws:oam:${region}:${account}:sink/${stableId(`${account}/${name}`, 36)}`;
}

function listLinks(ctx: HandlerContext): unknown {
  const links = (ctx.regionSpec.oamLinks ?? []).map((l) => {
    const id = stableId(`${ctx.account.id}/${l.monitoringAccount}`, 36);
    return {
      Arn: `arn:aws:oam:${ctx.region}:${ctx.account.id}:link/${id}`,
      Id: id,
      Label: l.label ?? ctx.account.id,
      ResourceTypes: ['AWS::CloudWatch::Metric', 'AWS::Logs::LogGroup'],
      SinkArn: sinkArn(ctx.region, l.monitoringAccount, 'monitoring'),
    };
  });
  const page = paginate(links, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxResults) ?? 100, 'InvalidParameterException');
  return { Items: page.items, NextToken: page.nextToken };
}

function listSinks(ctx: HandlerContext): unknown {
  const sinks = (ctx.regionSpec.oamSinks ?? []).map((name) => ({ Arn: sinkArn(ctx.region, ctx.account.id, name), Id: stableId(name, 36), Name: name }));
  const page = paginate(sinks, ctx.input.json.NextToken, optionalNumber(ctx.input.json.MaxResults) ?? 100, 'InvalidParameterException');
  return { Items: page.items, NextToken: page.nextToken };
}

export const oam = defineService({
  signingName: 'oam',
  actionPrefix: 'oam',
  protocol: restJson,
  operations: {
    ListLinks: { http: 'POST /ListLinks', handler: listLinks },
    ListSinks: { http: 'POST /ListSinks', handler: listSinks },
  },
});
