// The request IDs behind one dataset. The scanner runs each collector inside `withRequestLog`;
// the client middleware appends to whatever log is current, so collectors need not know about it.

import { currentScope, withinScope } from './request-scope.js';

export interface RequestLog {
  requestIds: string[];
}

/** Runs `fn` with a fresh request log and returns its result together with the IDs seen. */
export async function withRequestLog<T>(fn: () => Promise<T>): Promise<{ log: RequestLog; result: PromiseSettledResult<T> }> {
  const log: RequestLog = { requestIds: [] };
  const result = await withinScope({ log }, async () => {
    try {
      return { status: 'fulfilled', value: await fn() } as const;
    } catch (reason) {
      return { status: 'rejected', reason } as const;
    }
  });
  return { log, result };
}

export function recordRequestId(requestId: string | undefined): void {
  if (!requestId) return;
  const log = currentScope()?.log;
  if (log && !log.requestIds.includes(requestId)) log.requestIds.push(requestId);
}

// The operation that raised an error, so a denial can name the IAM action that was refused.
const failedOperations = new WeakMap<object, string>();

export function markFailedOperation(err: unknown, operation: string): void {
  if (typeof err === 'object' && err !== null && !failedOperations.has(err)) failedOperations.set(err, operation);
}

/** `DescribeInstances` for an error raised by DescribeInstancesCommand, when known. */
export function failedOperationOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? failedOperations.get(err) : undefined;
}
