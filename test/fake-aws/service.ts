// A service handler: its protocol and its operations. Handlers are plain functions of the
// request context that return the wire-shaped result or throw a FakeAwsError.

import type { ServiceErrors } from './errors.js';
import type { OperationInput, Protocol } from './protocols/protocol.js';
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

export interface ServiceDef {
  /** SigV4 signing name, as it appears in the credential scope. */
  signingName: string;
  /** IAM action prefix (`events` for EventBridge). */
  actionPrefix: string;
  protocol: Protocol;
  /** Service-specific error codes that differ from the protocol family's. */
  errors?: Partial<ServiceErrors>;
  /** Global services answer wherever they are called and ignore regional opt-in. */
  global?: boolean;
  operations: Record<string, Handler>;
}

export function errorsOf(service: ServiceDef): ServiceErrors {
  return { ...service.protocol.errors, ...service.errors };
}
