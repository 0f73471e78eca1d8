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

let collections = 0;

/**
 * Runs a collection, then stops the storage once no collection is left in flight. While it is on,
 * Node 20 runs its hook on every promise the process makes, and the evaluation and reports that
 * follow make millions (docs/performance.md). The next `withinScope` turns it on again.
 */
export async function collecting<T>(fn: () => Promise<T>): Promise<T> {
  collections += 1;
  try {
    return await fn();
  } finally {
    collections -= 1;
    if (collections === 0) storage.disable();
  }
}
