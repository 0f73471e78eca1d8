// The request IDs behind one dataset. The scanner gives each collector clients that carry a fresh
// log (ClientTarget.log); the client middleware appends to it, so collectors need not know about it.

export interface RequestLog {
  requestIds: string[];
}

export function newRequestLog(): RequestLog {
  return { requestIds: [] };
}

export function recordRequestId(log: RequestLog | undefined, requestId: string | undefined): void {
  if (log && requestId && !log.requestIds.includes(requestId)) log.requestIds.push(requestId);
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
