// What the SDK middleware needs to know about the request in progress: the dataset's request log
// and the account the request is sent for. One AsyncLocalStorage holds both, since Node 20 runs
// every storage's propagation on every promise a scan creates.

import { AsyncLocalStorage } from 'node:async_hooks';
import type { AccountBinding } from './account-binding.js';
import type { RequestLog } from './request-log.js';

export interface RequestScope {
  log?: RequestLog;
  binding?: AccountBinding;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with `change` on top of the current scope. */
export function withinScope<T>(change: RequestScope, fn: () => Promise<T>): Promise<T> {
  return storage.run({ ...storage.getStore(), ...change }, fn);
}

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}
