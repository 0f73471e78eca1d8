// A loopback AWS that speaks the real wire protocols, for the real SDK clients pointed at it
// through AWS_ENDPOINT_URL. Routes by the SigV4 credential scope (service, region, access key).

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeAwsError } from './errors.js';
import { FaultInjector } from './faults.js';
import { callerOf, parseAuthorization } from './identity.js';
import type { RawRequest, WireResponse } from './protocols/protocol.js';
import { serviceFor } from './registry.js';
import { findAccount, type Scenario } from './scenario.js';
import type { Service } from './service.js';
import { newState, type StoredObject } from './state.js';
import { StatsRecorder, type FakeAwsStats } from './stats.js';

export interface FakeAws {
  /** `http://127.0.0.1:<port>`, for AWS_ENDPOINT_URL. */
  endpoint: string;
  stats(): FakeAwsStats;
  /** What S3 PutObject stored, by `bucket/key`. */
  storedObject(bucket: string, key: string): StoredObject | undefined;
  resetStats(): void;
  stop(): Promise<void>;
}

export interface FakeAwsOptions {
  /** The server's clock for relative scenario dates. Default: the real time at each request. */
  now?: () => Date;
}

export async function startFakeAws(scenario: Scenario, options: FakeAwsOptions = {}): Promise<FakeAws> {
  const dispatcher = new Dispatcher(scenario, options.now ?? (() => new Date()));
  const server = createServer((req, res) => void dispatcher.serve(req, res));
  // Outlive the SDK's keep-alive sockets so reused connections are not reset under load.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats: () => dispatcher.stats.snapshot(),
    storedObject: (bucket, key) => dispatcher.state.objects.get(`${bucket}/${key}`),
    resetStats: () => dispatcher.stats.reset(),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

class Dispatcher {
  readonly stats = new StatsRecorder();
  readonly state = newState();
  private readonly faults: FaultInjector;

  constructor(
    private readonly scenario: Scenario,
    private readonly now: () => Date,
  ) {
    this.faults = new FaultInjector(scenario.faults);
  }

  async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readRequest(req);
    if (this.faults.frozen()) return; // held open, never answered, until the server stops
    const requestId = randomUUID();
    const response = await this.respond(raw, requestId);
    res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
    res.end(response.body);
  }

  private async respond(raw: RawRequest, requestId: string): Promise<WireResponse> {
    const scope = parseAuthorization(raw.headers.authorization as string | undefined);
    const service = scope ? serviceFor(scope.service, raw) : undefined;
    const call = service?.protocol.operationOf(raw);
    if (!scope || !service || !call) {
      this.stats.request(`${scope?.service ?? 'unsigned'}:Unroutable`, scope?.accessKeyId ? 'unknown' : 'unsigned');
      return unroutable(raw, requestId, service);
    }
    const caller = callerOf(scope.accessKeyId, this.scenario, this.state);
    const action = service.actionOf(call.operation);
    this.stats.request(action, caller.accountId);
    await this.faults.delay();
    try {
      const handler = service.handlers[call.operation];
      if (!handler) throw new FakeAwsError('InvalidAction', 400, `The action ${call.operation} is not valid for this web service.`);
      const account = findAccount(this.scenario, caller.accountId);
      const regionSpec = service.global ? {} : account?.regions[scope.region];
      if (!account || !regionSpec || regionSpec.optInStatus === 'not-opted-in') {
        throw FakeAwsError.of(service.errors.regionDisabled, 'The security token included in the request is invalid.');
      }
      this.faults.check({ action, accountId: account.id, region: scope.region, callerArn: caller.arn, errors: service.errors });
      const ctx = { scenario: this.scenario, account, region: scope.region, regionSpec, callerArn: caller.arn };
      const result = handler({ ...ctx, input: call.input, now: this.now(), state: this.state });
      return service.protocol.success(call.operation, result, requestId);
    } catch (err) {
      return this.failure(service, err, requestId);
    }
  }

  private failure(service: Service, err: unknown, requestId: string): WireResponse {
    const known = err instanceof FakeAwsError ? err : new FakeAwsError('InternalFailure', 500, String(err));
    this.stats.error(known.code, known.code === service.errors.throttle.code);
    return service.protocol.error(known, requestId);
  }
}

/** Answered in the service's own protocol when the service is known, so its SDK can parse it. */
function unroutable(raw: RawRequest, requestId: string, service: Service | undefined): WireResponse {
  const message = `fake-aws cannot route ${raw.method} ${raw.path}`;
  if (service) return service.protocol.error(new FakeAwsError('UnknownOperationException', 400, message), requestId);
  return { status: 400, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, body: JSON.stringify({ __type: 'UnknownOperationException', message }) };
}

async function readRequest(req: IncomingMessage): Promise<RawRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://fake-aws');
  const bytes = Buffer.concat(chunks);
  return { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: bytes.toString('utf8'), bytes };
}
