// The baseline: how many requests per second the same fake AWS serves to bare SDK clients (no
// scanner, no collectors) at the same concurrency, spread over the same number of accounts.

import { Agent } from 'node:http';
import { ACMClient, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { ConfigServiceClient, DescribeConfigRulesCommand, DescribeConfigurationRecordersCommand } from '@aws-sdk/client-config-service';
import { DescribeInstancesCommand, EC2Client, GetInstanceMetadataDefaultsCommand } from '@aws-sdk/client-ec2';
import { EventBridgeClient, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity } from '@smithy/types';

export interface BareSdkOptions {
  accounts: string[];
  regions: readonly string[];
  inFlight: number;
  externalId: string;
  roleName: string;
  maxAttempts: number;
}

export interface BareSdk {
  /** Every client once (module loading, client construction, JIT), not to be measured. */
  warmUp(): Promise<void>;
  /** `inFlight` loops of calls for `durationMs`; resolves when every loop stopped. */
  run(durationMs: number): Promise<void>;
  destroy(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctor = new (config: any) => { send(command: any): Promise<unknown> };
type ClientOf = (ctor: Ctor, region: string, accountIndex: number) => { send(command: unknown): Promise<unknown> };
type Call = (client: ClientOf, region: string, account: number) => Promise<unknown>;

const MIX: Call[] = [
  (get, r, a) => get(EC2Client, r, a).send(new DescribeInstancesCommand({ MaxResults: 1000 })),
  (get, r, a) => get(EC2Client, r, a).send(new GetInstanceMetadataDefaultsCommand({})),
  (get, r, a) => get(ConfigServiceClient, r, a).send(new DescribeConfigRulesCommand({})),
  (get, r, a) => get(ConfigServiceClient, r, a).send(new DescribeConfigurationRecordersCommand({})),
  (get, r, a) => get(GuardDutyClient, r, a).send(new ListDetectorsCommand({})),
  (get, r, a) => get(EventBridgeClient, r, a).send(new ListRulesCommand({})),
  (get, r, a) => get(ACMClient, r, a).send(new ListCertificatesCommand({})),
];

/** One warm client per account+region+service, each signing with its account's static credentials. */
function clientCache(handler: NodeHttpHandler, credentials: AwsCredentialIdentity[], maxAttempts: number): ClientOf {
  const clients = new Map<string, { send(command: unknown): Promise<unknown> }>();
  return (ctor, region, account) => {
    const key = `${ctor.name}|${region}|${account}`;
    let client = clients.get(key);
    if (!client) clients.set(key, (client = new ctor({ region, credentials: credentials[account], requestHandler: handler, maxAttempts })));
    return client;
  };
}

async function assumeAll(options: BareSdkOptions, handler: NodeHttpHandler): Promise<AwsCredentialIdentity[]> {
  const sts = new STSClient({ region: 'us-east-1', requestHandler: handler });
  return Promise.all(
    options.accounts.map(async (accountId) => {
      const out = await sts.send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/${options.roleName}`, RoleSessionName: 'bench-bare-sdk', ExternalId: options.externalId }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`AssumeRole into ${accountId} returned no credentials`);
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
    }),
  );
}

/**
 * Bare SDK v3 calls: round-robin over accounts, regions and a mix of the scan's list/describe calls,
 * one warm client per account+region+service and shared keep-alive sockets, as plain SDK code has;
 * roles assumed once and clients kept between runs, so a run measures calls alone.
 */
export async function createBareSdk(options: BareSdkOptions): Promise<BareSdk> {
  const handler = new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: options.inFlight }) });
  const credentials = await assumeAll(options, handler);
  const clientOf = clientCache(handler, credentials, options.maxAttempts);
  const combinations = MIX.length * options.regions.length * credentials.length;
  let counter = 0;
  const call = (): Promise<unknown> => {
    const n = counter++;
    const region = options.regions[Math.floor(n / MIX.length) % options.regions.length] as string;
    return (MIX[n % MIX.length] as Call)(clientOf, region, Math.floor(n / (MIX.length * options.regions.length)) % credentials.length);
  };
  const loops = async (more: () => boolean): Promise<void> => {
    const loop = async (): Promise<void> => {
      while (more()) await call();
    };
    await Promise.all(Array.from({ length: options.inFlight }, loop));
  };
  return {
    warmUp: () => {
      const until = counter + combinations;
      return loops(() => counter < until);
    },
    run: (durationMs) => {
      const deadline = Date.now() + durationMs;
      return loops(() => Date.now() < deadline);
    },
    destroy: () => handler.destroy(),
  };
}
