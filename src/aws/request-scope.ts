// What the SDK middleware needs to know about the request in progress: the account it is sent
// for and the dataset's request log. The send puts it in the request's own handler context, through
// a middleware added to the command it sends. An AsyncLocalStorage did this until 2026-12-04: on
// Node 20 it turns on a hook for every promise of the process, which was half of what the scan
// allocated per request beyond the bare SDK's (docs/performance.md).

import type { AccountBinding } from './account-binding.js';
import type { RequestLog } from './request-log.js';

export interface RequestScope {
  binding: AccountBinding;
  /** The dataset's request log; absent for calls outside a dataset (AssumeRole, the account list). */
  log?: RequestLog;
}

/** The command shape every SDK build shares: its own middleware stack, cloned into each send's. */
export interface ScopedCommand {
  middlewareStack: { add(middleware: unknown, options: object): void };
}

const SCOPE = Symbol('partnerAuditRequestScope');
const SCOPE_MIDDLEWARE = 'partnerAuditRequestScope';
const FIRST = { step: 'initialize', priority: 'high', name: SCOPE_MIDDLEWARE, override: true } as const;

type Context = Record<string | symbol, unknown>;

/** Why a request without an account binding is refused, wherever it is noticed. */
export const OUTSIDE_BINDING = 'an AWS request was sent outside an account binding';

/**
 * A `send` that puts `scope` in each request's handler context. The SDK resolves a send's
 * middleware synchronously in `send`, so a command sent again, even for another account, carries
 * its own. The retry middleware keys its token by the context's `partition_id`: the binding's key.
 */
export function scopedSend<T>(scope: RequestScope): (client: { send(...args: any[]): Promise<T> }, command: ScopedCommand, rest: unknown[]) => Promise<T> {
  const middleware = (next: (args: unknown) => Promise<unknown>, context: Context) => (args: unknown) => {
    context[SCOPE] = scope;
    context.partition_id = scope.binding.key;
    return next(args);
  };
  return (client, command, rest) => {
    command.middlewareStack.add(middleware, FIRST);
    return client.send(command, ...rest);
  };
}

/** The scope of the request whose handler context this is; a request without one is a bug, never a guess. */
export function scopeOf(context: object): RequestScope {
  const scope = (context as Context)[SCOPE] as RequestScope | undefined;
  if (!scope) throw new Error(OUTSIDE_BINDING);
  return scope;
}
