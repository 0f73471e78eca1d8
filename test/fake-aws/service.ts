// A service is one table: its signing name, its shared protocol, and its operations, each an
// entry `OperationName: handler` (or `{ http: 'GET /path', handler }` for the REST protocols).
// Handlers are plain functions of the request context that return the wire-shaped result or
// throw a FakeAwsError.

import type { ServiceErrors } from './errors.js';
import type { OperationInput, Protocol, ProtocolFactory } from './protocols/protocol.js';
import type { RestOperation } from './protocols/rest-route.js';
import type { AccountSpec, RegionSpec, Scenario } from './scenario.js';
import type { ServerState } from './state.js';

export interface HandlerContext {
  scenario: Scenario;
  account: AccountSpec;
  region: string;
  /** The region's resources; empty for global services. */
  regionSpec: RegionSpec;
  /** ARN of the calling principal (a user of the management account, or an assumed role). */
  callerArn: string;
  input: OperationInput;
  now: Date;
  state: ServerState;
}

export type Handler = (ctx: HandlerContext) => unknown;

export interface ServiceSpec<Entry extends Handler | RestOperation> {
  /** SigV4 signing name, as it appears in the credential scope. */
  signingName: string;
  /** IAM action prefix (`events` for EventBridge). */
  actionPrefix: string;
  protocol: ProtocolFactory<Entry>;
  /** Service-specific error codes that differ from the protocol family's. */
  errors?: Partial<ServiceErrors>;
  /** Global services answer wherever they are called and ignore regional opt-in. */
  global?: boolean;
  /** Claims the requests under this path among services sharing a signing name (S3 Control: `/v20180820/`). */
  pathPrefix?: string;
  /** Operations IAM authorizes under another action name (Access Analyzer ListFindingsV2 → ListFindings). */
  iamActions?: Record<string, string>;
  /** The entry's shape follows the protocol (NoInfer: the protocol alone decides it). */
  operations: Record<string, NoInfer<Entry>>;
}

/** A service as the server dispatches to it. */
export interface Service {
  signingName: string;
  actionPrefix: string;
  protocol: Protocol;
  errors: ServiceErrors;
  global: boolean;
  pathPrefix?: string;
  handlers: Record<string, Handler>;
  /** The IAM action a call of `operation` needs, as stats, denies and throttles name it (`guardduty:ListDetectors`). */
  actionOf(operation: string): string;
}

export function defineService<Entry extends Handler | RestOperation>(spec: ServiceSpec<Entry>): Service {
  const protocol = spec.protocol(spec.operations);
  return {
    signingName: spec.signingName,
    actionPrefix: spec.actionPrefix,
    protocol,
    errors: { ...protocol.errors, ...spec.errors },
    global: spec.global ?? false,
    pathPrefix: spec.pathPrefix,
    handlers: Object.fromEntries(Object.entries(spec.operations).map(([name, entry]) => [name, handlerOf(entry)])),
    actionOf: (operation) => `${spec.actionPrefix}:${spec.iamActions?.[operation] ?? operation}`,
  };
}

function handlerOf(entry: Handler | RestOperation): Handler {
  return typeof entry === 'function' ? entry : entry.handler;
}
