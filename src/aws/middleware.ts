// One middleware per client, placed after the SDK's retry middleware so it sees every HTTP
// attempt: it waits for a concurrency slot, counts the attempt, and logs the request ID.

import type { FinalizeRequestMiddleware, HandlerExecutionContext } from '@smithy/types';
import { isThrottlingError } from './errors.js';
import type { CallMetrics } from './metrics.js';
import { markFailedOperation, recordRequestId } from './request-log.js';

export const ATTEMPT_MIDDLEWARE = 'partnerAuditAttempt';

export interface AttemptMiddlewareOptions {
  accountId: string;
  service: string;
  metrics: CallMetrics;
  /** Runs one attempt within the per-service and global caps. */
  limit<T>(fn: () => Promise<T>): Promise<T>;
}

/** The retry middleware numbers attempts in the `amz-sdk-request` header: `attempt=2; max=8`. */
function attemptNumber(request: unknown): number {
  const headers = (request as { headers?: Record<string, string> }).headers ?? {};
  const match = /attempt=(\d+)/.exec(headers['amz-sdk-request'] ?? '');
  return match ? Number(match[1]) : 1;
}

function requestIdOf(value: unknown): string | undefined {
  return (value as { $metadata?: { requestId?: string } } | undefined)?.$metadata?.requestId;
}

function operationOf(context: HandlerExecutionContext): string {
  return (context.commandName ?? 'Unknown').replace(/Command$/, '');
}

export function attemptMiddleware(options: AttemptMiddlewareOptions): FinalizeRequestMiddleware<any, any> {
  const { accountId, service, metrics } = options;
  return (next, context) => async (args) => {
    if (attemptNumber(args.request) > 1) metrics.count(accountId, service, 'retries');
    try {
      const result = await options.limit(() => {
        metrics.count(accountId, service, 'requests');
        return next(args);
      });
      recordRequestId(requestIdOf(result.output));
      return result;
    } catch (err) {
      recordRequestId(requestIdOf(err));
      metrics.count(accountId, service, isThrottlingError(err) ? 'throttles' : 'errors');
      markFailedOperation(err, operationOf(context));
      throw err;
    }
  };
}
