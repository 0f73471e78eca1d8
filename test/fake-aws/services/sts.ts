// STS (awsQuery): GetCallerIdentity and AssumeRole. Issued keys encode the target account.

import { FakeAwsError } from '../errors.js';
import { issueAccessKeyId, randomSecret } from '../identity.js';
import { awsQuery } from '../protocols/query.js';
import { findAccount, roleNameOf } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;

function assumeRole(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const roleArn = form.get('RoleArn') ?? '';
  const sessionName = form.get('RoleSessionName') ?? '';
  const found = ROLE_ARN.exec(roleArn);
  const target = found?.[1] ? findAccount(ctx.scenario, found[1]) : undefined;
  const trusted =
    target !== undefined &&
    target.status !== 'SUSPENDED' &&
    target.assumeRole !== 'denied' &&
    found?.[2] === roleNameOf(ctx.scenario) &&
    (ctx.scenario.externalId === undefined || form.get('ExternalId') === ctx.scenario.externalId);
  if (!target || !trusted) {
    throw new FakeAwsError('AccessDenied', 403, `User: ${ctx.callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  }
  const accessKeyId = issueAccessKeyId(target.id);
  const arn = `arn:aws:sts::${target.id}:assumed-role/${found?.[2]}/${sessionName}`;
  ctx.state.sessions.set(accessKeyId, { accountId: target.id, arn });
  const seconds = Number(form.get('DurationSeconds') ?? 3600);
  return {
    Credentials: {
      AccessKeyId: accessKeyId,
      SecretAccessKey: randomSecret(40),
      SessionToken: randomSecret(64),
      Expiration: new Date(ctx.now.getTime() + seconds * 1000),
    },
    AssumedRoleUser: { AssumedRoleId: `AROAFAKE${target.id}:${sessionName}`, Arn: arn },
  };
}

export const sts = defineService({
  signingName: 'sts',
  actionPrefix: 'sts',
  protocol: awsQuery('https://sts.amazonaws.com/doc/2011-06-15/'),
  global: true,
  operations: {
    GetCallerIdentity: (ctx) => ({ UserId: `AIDAFAKE${ctx.account.id}`, Account: ctx.account.id, Arn: ctx.callerArn }),
    AssumeRole: assumeRole,
  },
});
